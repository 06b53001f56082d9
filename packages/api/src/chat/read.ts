import type { PrismaClient } from '@estate/db';
import { chatMembers } from './access.js';
import { type ChatEvent, lockRecipients, recordEvents } from './events.js';
import { chatStats, unreadChats } from './unread.js';

/**
 * Marks a chat read for the user, and only for them: their seenAt becomes now (or the last
 * message's time, if another process's clock put it later). The other member gets a read
 * receipt, the user's own pages the receipt and their new unread count. With nothing unread
 * nothing changes, so a page may call this as often as it likes.
 */
export async function markRead(prisma: PrismaClient, userId: string, chatId: string, now: Date) {
  const members = await chatMembers(prisma, chatId, userId);
  return prisma.$transaction(async (tx) => {
    await lockRecipients(tx, members);
    const chat = await tx.chat.findUniqueOrThrow({
      where: { id: chatId },
      select: { lastMessageAt: true, members: { select: { userId: true, seenAt: true } } },
    });
    const me = chat.members.find((member) => member.userId === userId);
    const unread = (await chatStats(tx, userId, [chatId])).get(chatId)?.unread ?? 0;
    if (!me || unread === 0) return { seenAt: me?.seenAt ?? null };

    const seenAt = new Date(Math.max(now.getTime(), chat.lastMessageAt?.getTime() ?? 0));
    await tx.chatMember.update({ where: { chatId_userId: { chatId, userId } }, data: { seenAt } });
    const receipt: ChatEvent = { kind: 'read', chatId, userId, seenAt };
    await recordEvents(tx, now, [
      ...chat.members.map((member) => ({ userId: member.userId, event: receipt })),
      { userId, event: { kind: 'unread', count: await unreadChats(tx, userId) } },
    ]);
    return { seenAt };
  });
}
