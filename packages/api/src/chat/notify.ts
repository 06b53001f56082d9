import type { Prisma } from '@estate/db';

/** The channel every server process LISTENs on; a payload is the id of a user whose streams should look. */
export const CHAT_CHANNEL = 'estate_chat';

/**
 * Wakes the chat streams of `userIds` in every process. Inside a transaction PostgreSQL holds
 * the NOTIFY until the commit (and drops it on a rollback), so no stream looks before the
 * change is there to be read.
 */
export async function notifyUsers(db: Prisma.TransactionClient, userIds: readonly string[]): Promise<void> {
  const users = [...new Set(userIds)];
  if (users.length === 0) return;
  await db.$executeRaw`SELECT pg_notify(${CHAT_CHANNEL}, "userId") FROM unnest(${users}::text[]) AS recipient("userId")`;
}
