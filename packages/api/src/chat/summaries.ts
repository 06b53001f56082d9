import { Prisma, type PrismaClient } from '@estate/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { cursorOf, pageOf } from '../cursor.js';
import { chatStats } from './unread.js';

// A chat as my list shows it: the other person, the listing it is about, the last message,
// how much of it I have not read, and how far the other person has read.

/** Never an email: the public profile only. */
const profileSelect = { id: true, username: true, avatar: true } satisfies Prisma.UserSelect;

const chatSelect = {
  id: true,
  createdAt: true,
  lastMessage: true,
  lastMessageAt: true,
  post: { select: { id: true, title: true, images: true } },
  members: { select: { userId: true, seenAt: true, user: { select: profileSelect } } },
} satisfies Prisma.ChatSelect;

/** My chats `chatIds` (in that order), each with what the list shows. */
export async function chatSummaries(prisma: PrismaClient, userId: string, chatIds: readonly string[]) {
  const [chats, stats] = await Promise.all([
    prisma.chat.findMany({ where: { id: { in: [...chatIds] } }, select: chatSelect }),
    chatStats(prisma, userId, chatIds),
  ]);
  const byId = new Map(chats.map((chat) => [chat.id, chat]));
  return chatIds.flatMap((id) => {
    const chat = byId.get(id);
    if (!chat) return [];
    const other = chat.members.find((member) => member.userId !== userId);
    const { unread = 0, lastSenderId = null } = stats.get(id) ?? {};
    return [
      {
        id,
        createdAt: chat.createdAt,
        post: chat.post && { id: chat.post.id, title: chat.post.title, image: chat.post.images[0] ?? null },
        /** Null once they deleted their account. */
        otherUser: other?.user ?? null,
        otherDeleted: !other,
        /** How far the other person has read (read receipts): messages up to this time. */
        otherSeenAt: other?.seenAt ?? null,
        lastMessage:
          chat.lastMessage !== null && chat.lastMessageAt
            ? { text: chat.lastMessage, createdAt: chat.lastMessageAt, senderId: lastSenderId }
            : null,
        unreadCount: unread,
      },
    ];
  });
}

/** One chat of mine as the list shows it. */
export async function chatSummary(prisma: PrismaClient, userId: string, chatId: string) {
  const [chat] = await chatSummaries(prisma, userId, [chatId]);
  if (!chat) throw new TRPCError({ code: 'NOT_FOUND', message: 'This chat does not exist.' });
  return chat;
}

/** Last activity: the last message, or the start of a chat with none yet. */
const chatPosition = z.object({ at: z.iso.datetime().transform((value) => new Date(value)), id: z.uuid() });
export const chatListCursor = cursorOf('chats', chatPosition);

/** A page of my chats, the most recently active first. */
export async function chatListPage(
  prisma: PrismaClient,
  userId: string,
  input: { limit: number; cursor?: z.output<typeof chatPosition> | undefined },
) {
  const activity = Prisma.sql`COALESCE(c."lastMessageAt", c."createdAt")`;
  const rows = await prisma.$queryRaw<Array<{ id: string; at: Date }>>`
    SELECT c.id, ${activity} AS at
    FROM "ChatMember" m JOIN "Chat" c ON c.id = m."chatId"
    WHERE m."userId" = ${userId}::uuid
      ${input.cursor ? Prisma.sql`AND (${activity}, c.id) < (${input.cursor.at}, ${input.cursor.id}::uuid)` : Prisma.empty}
    ORDER BY at DESC, c.id DESC
    LIMIT ${input.limit + 1}`;
  const page = pageOf('chats', rows, input.limit, (row) => ({ at: row.at.toISOString(), id: row.id }));
  return {
    ...page,
    items: await chatSummaries(
      prisma,
      userId,
      page.items.map((row) => row.id),
    ),
  };
}
