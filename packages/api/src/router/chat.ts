// Lets the declaration build name TrackedData, which chat.events' output type is made of and
// which tRPC exports only from this entry point (otherwise TS2742 in the built types).
import type {} from '@trpc/server/unstable-core-do-not-import';
import { z } from 'zod';
import { chatMembers } from '../chat/access.js';
import { messageSelect } from '../chat/events.js';
import { markRead } from '../chat/read.js';
import { sendMessage } from '../chat/send.js';
import { startChat } from '../chat/start.js';
import { chatEvents } from '../chat/stream.js';
import { chatListCursor, chatListPage, chatSummary } from '../chat/summaries.js';
import { unreadChats } from '../chat/unread.js';
import { afterCursor, newestFirst, newestPositionOf, pageInput, pageOf } from '../cursor.js';
import { documented } from '../procedure-meta.js';
import { chatIdInput, chatSendInput, chatStartInput } from '../schemas/index.js';
import { protectedProcedure, router } from '../trpc.js';

const listInput = z
  .object({ limit: z.number().int().min(1).max(50).default(24), cursor: chatListCursor.optional() })
  .default({ limit: 24 });

const messagesInput = z.object({ chatId: chatIdInput.shape.chatId, ...pageInput('messages', 30) });

/** What httpSubscriptionLink adds when it reconnects (or an EventSource's Last-Event-ID header). */
const eventsInput = z
  .object({
    lastEventId: z
      .string()
      .regex(/^\d{1,18}$/, 'Not an event id')
      .transform((id) => BigInt(id))
      .nullish(),
  })
  .optional();

// Who may call these and the errors they raise themselves, for the procedure reference (docs/procedures.md).
const startProcedure = protectedProcedure.meta(
  documented({ errors: { NOT_FOUND: 'no such listing or user', BAD_REQUEST: 'also when the listing is your own, or the user is you' } }),
);
const byIdProcedure = protectedProcedure.meta(
  documented({ access: 'members of the chat', errors: { NOT_FOUND: 'no such chat', FORBIDDEN: 'not a member of the chat' } }),
);
const messagesProcedure = protectedProcedure.meta(
  documented({ access: 'members of the chat', errors: { NOT_FOUND: 'no such chat', FORBIDDEN: 'not a member of the chat' } }),
);
const sendProcedure = protectedProcedure.meta(
  documented({
    access: 'members of the chat',
    errors: {
      NOT_FOUND: 'no such chat',
      FORBIDDEN: 'not a member of the chat',
      PRECONDITION_FAILED: 'the other person deleted their account',
      TOO_MANY_REQUESTS: 'too many messages: `data.retryAfterSeconds` says when to send again',
    },
  }),
);
const markReadProcedure = protectedProcedure.meta(
  documented({ access: 'members of the chat', errors: { NOT_FOUND: 'no such chat', FORBIDDEN: 'not a member of the chat' } }),
);
const eventsProcedure = protectedProcedure.meta(
  documented({ errors: { UNAUTHORIZED: 'also later, ending the stream, once the session ends (sign-out, password changed elsewhere)' } }),
);

export const chatRouter = router({
  /** The chat with a listing's lister (`postId`) or with a user (`userId`): theirs if there is one, else a new one. */
  start: startProcedure.input(chatStartInput).mutation(async ({ ctx, input }) => {
    const chatId = await startChat(ctx.prisma, ctx.user.id, input, ctx.now());
    return chatSummary(ctx.prisma, ctx.user.id, chatId);
  }),

  /** My chats, the most recently active first. */
  list: protectedProcedure.input(listInput).query(({ ctx, input }) => chatListPage(ctx.prisma, ctx.user.id, input)),

  /** One chat of mine, as the list shows it. */
  byId: byIdProcedure.input(chatIdInput).query(async ({ ctx, input }) => {
    await chatMembers(ctx.prisma, input.chatId, ctx.user.id);
    return chatSummary(ctx.prisma, ctx.user.id, input.chatId);
  }),

  /** A chat's messages, newest first; `nextCursor` pages to older ones. Reading marks nothing read. */
  messages: messagesProcedure.input(messagesInput).query(async ({ ctx, input }) => {
    await chatMembers(ctx.prisma, input.chatId, ctx.user.id);
    const rows = await ctx.prisma.message.findMany({
      where: { chatId: input.chatId, ...afterCursor(input.cursor) },
      orderBy: [...newestFirst],
      take: input.limit + 1,
      select: messageSelect,
    });
    return pageOf('messages', rows, input.limit, newestPositionOf);
  }),

  send: sendProcedure
    .input(chatSendInput)
    .mutation(({ ctx, input }) => sendMessage(ctx.prisma, ctx.user.id, input, ctx.now(), ctx.rateLimits.messages)),

  markRead: markReadProcedure.input(chatIdInput).mutation(({ ctx, input }) => markRead(ctx.prisma, ctx.user.id, input.chatId, ctx.now())),

  /** How many of my chats have unread messages. */
  unreadCount: protectedProcedure.query(async ({ ctx }) => ({ count: await unreadChats(ctx.prisma, ctx.user.id) })),

  /** My chat events over SSE: `message`, `read` and `unread`, each tracked by its id (see chat/stream.ts). */
  events: eventsProcedure.input(eventsInput).subscription(({ ctx, input, signal }) =>
    chatEvents({
      prisma: ctx.prisma,
      userId: ctx.user.id,
      sessionId: ctx.sessionId,
      now: ctx.now,
      lastEventId: input?.lastEventId ?? null,
      signal,
    }),
  ),
});
