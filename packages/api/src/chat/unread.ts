import { Prisma } from '@estate/db';

// Unread: messages from anyone else (a deleted account's too) after the reader's seenAt.

const NEVER = Prisma.sql`'-infinity'::timestamp`;

/** How many of the user's chats have unread messages. */
export async function unreadChats(db: Prisma.TransactionClient, userId: string): Promise<number> {
  const [row] = await db.$queryRaw<[{ count: number }]>`
    SELECT count(*)::int AS count
    FROM "ChatMember" m JOIN "Chat" c ON c.id = m."chatId"
    WHERE m."userId" = ${userId}::uuid
      AND c."lastMessageAt" > COALESCE(m."seenAt", ${NEVER})
      AND EXISTS (
        SELECT 1 FROM "Message" x
        WHERE x."chatId" = m."chatId" AND x."createdAt" > COALESCE(m."seenAt", ${NEVER}) AND x."senderId" IS DISTINCT FROM m."userId"
      )`;
  return row.count;
}

/** The number of messages the user has not read in each of `chatIds` (of theirs), and who sent the last. */
export async function chatStats(db: Prisma.TransactionClient, userId: string, chatIds: readonly string[]) {
  if (chatIds.length === 0) return new Map<string, { unread: number; lastSenderId: string | null }>();
  const rows = await db.$queryRaw<Array<{ chatId: string; unread: number; lastSenderId: string | null }>>`
    SELECT m."chatId",
      (SELECT count(*)::int FROM "Message" x
        WHERE x."chatId" = m."chatId" AND x."createdAt" > COALESCE(m."seenAt", ${NEVER}) AND x."senderId" IS DISTINCT FROM m."userId") AS unread,
      (SELECT x."senderId" FROM "Message" x WHERE x."chatId" = m."chatId" ORDER BY x."createdAt" DESC, x.id DESC LIMIT 1) AS "lastSenderId"
    FROM "ChatMember" m
    WHERE m."userId" = ${userId}::uuid AND m."chatId" IN (${Prisma.join(chatIds.map((id) => Prisma.sql`${id}::uuid`))})`;
  return new Map(rows.map(({ chatId, ...stats }) => [chatId, stats]));
}
