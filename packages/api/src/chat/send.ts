import type { PrismaClient } from '@estate/db';
import { TRPCError } from '@trpc/server';
import { hit, type Limit } from '../auth/rate-limit.js';
import { chatMembers, otherDeletedError } from './access.js';
import { type ChatEvent, type Delivery, lockRecipients, messageSelect, pruneEvents, recordEvents } from './events.js';
import { unreadChats } from './unread.js';

/**
 * A message's time: now, but later than the chat's last message and than every member's
 * seenAt, whichever process's clock wrote those. So a chat's order is the order its messages
 * were sent in, and a new message is unread for the other person whatever they read before.
 */
function messageTime(now: Date, lastMessageAt: Date | null, seen: Array<Date | null>): Date {
  const after = [lastMessageAt, ...seen].flatMap((time) => (time ? [time.getTime() + 1] : []));
  return new Date(Math.max(now.getTime(), ...after));
}

/**
 * Sends `text` to a chat of the user's: the message, the chat's last message, the sender's own
 * read position and the events for both members, in one transaction. The receiver need not
 * be online: their pages read the events whenever they connect.
 */
export async function sendMessage(prisma: PrismaClient, userId: string, input: { chatId: string; text: string }, now: Date, limit: Limit) {
  const { chatId, text } = input;
  const members = await chatMembers(prisma, chatId, userId);
  if (members.length < 2) throw otherDeletedError();
  await hit(prisma, `messages:user:${userId}`, limit, now);

  const message = await prisma.$transaction(async (tx) => {
    // Also waits for an account deletion under way (user.delete takes its user's lock).
    await lockRecipients(tx, members);
    const chat = await tx.chat.findUnique({
      where: { id: chatId },
      select: { lastMessageAt: true, members: { select: { userId: true, seenAt: true } } },
    });
    const me = chat?.members.find((member) => member.userId === userId);
    if (!chat || !me) throw new TRPCError({ code: 'FORBIDDEN', message: 'Only the people in a chat can see or use it.' });
    const other = chat.members.find((member) => member.userId !== userId);
    if (!other) throw otherDeletedError();

    const createdAt = messageTime(
      now,
      chat.lastMessageAt,
      chat.members.map((member) => member.seenAt),
    );
    const sent = await tx.message.create({ data: { chatId, senderId: userId, text, createdAt }, select: messageSelect });
    await tx.chat.update({ where: { id: chatId }, data: { lastMessage: text, lastMessageAt: createdAt } });
    await tx.chatMember.update({ where: { chatId_userId: { chatId, userId } }, data: { seenAt: createdAt } });

    const event: ChatEvent = { kind: 'message', chatId, message: sent };
    const unread = async (id: string): Promise<Delivery> => ({ userId: id, event: { kind: 'unread', count: await unreadChats(tx, id) } });
    // Writing reads the chat for the sender too: their count changes if it had unread messages.
    const senderHadUnread = chat.lastMessageAt !== null && (me.seenAt === null || me.seenAt < chat.lastMessageAt);
    await recordEvents(tx, now, [
      { userId, event },
      { userId: other.userId, event },
      await unread(other.userId),
      ...(senderHadUnread ? [await unread(userId)] : []),
    ]);
    return sent;
  });
  await pruneEvents(prisma, now);
  return message;
}
