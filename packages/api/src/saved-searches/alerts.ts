import type { Prisma, PrismaClient } from '@estate/db';
import { type Delivery, lockRecipients, recordEvents } from '../chat/events.js';
import { matchingSearches } from './match.js';

// Alerts for saved searches. A listing posted or changed is queued (a PendingAlert row) in the
// transaction that writes it, so posting never waits for the matching, and no alert is lost
// if the process stops before sending it: the queue is worked through after each post and at
// start-up, by whichever process gets there first (rows are claimed with SKIP LOCKED).

/** Queues the listing's alerts, in the transaction that posts or changes it. */
export async function queueAlerts(tx: Prisma.TransactionClient, postId: string, now: Date): Promise<void> {
  await tx.pendingAlert.createMany({ data: [{ postId, createdAt: now }], skipDuplicates: true });
}

/**
 * Sends the alerts of the oldest queued listing not being sent elsewhere, in one transaction
 * with taking it off the queue: a failure leaves it queued. False when none was left.
 */
async function sendNext(prisma: PrismaClient, now: Date): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const [next] = await tx.$queryRaw<Array<{ postId: string }>>`
      SELECT "postId" FROM "PendingAlert" ORDER BY "createdAt", "postId" LIMIT 1 FOR UPDATE SKIP LOCKED`;
    if (!next) return false;
    const { postId } = next;
    const matches = await matchingSearches(tx, postId);
    // Recipients first, as every writer of events does; then only pairs not announced before.
    await lockRecipients(
      tx,
      matches.map((match) => match.userId),
    );
    const ids = matches.map((match) => match.savedSearchId);
    const inserted = await tx.$queryRaw<Array<{ savedSearchId: string }>>`
      INSERT INTO "SavedSearchMatch" ("savedSearchId", "postId", "createdAt")
      SELECT id, ${postId}::uuid, ${now} FROM unnest(${ids}::uuid[]) AS id
      ON CONFLICT DO NOTHING RETURNING "savedSearchId"`;
    const fresh = new Set(inserted.map((row) => row.savedSearchId));
    // One alert per person, naming each of their searches the listing newly matches.
    const byUser = new Map<string, Array<{ id: string; name: string }>>();
    for (const match of matches) {
      if (fresh.has(match.savedSearchId))
        byUser.set(match.userId, [...(byUser.get(match.userId) ?? []), { id: match.savedSearchId, name: match.name }]);
    }
    if (byUser.size > 0) {
      const post = await tx.post.findUniqueOrThrow({
        where: { id: postId },
        select: { id: true, title: true, price: true, city: true, type: true },
      });
      await recordEvents(
        tx,
        now,
        [...byUser].map(
          ([userId, searches]): Delivery => ({
            userId,
            event: { kind: 'alert', post, searches },
          }),
        ),
      );
    }
    await tx.pendingAlert.delete({ where: { postId } });
    return true;
  });
}

function createRunner(prisma: PrismaClient) {
  let running: Promise<void> | null = null;
  let again = false;
  let clock: () => Date = () => new Date();

  async function run(): Promise<void> {
    do {
      again = false;
      while (await sendNext(prisma, clock()));
    } while (again);
  }

  return {
    /** Works through the queue soon, once at a time per process; `now` dates the alerts. */
    kick(now: () => Date): Promise<void> {
      clock = now;
      if (running) {
        again = true;
        return running;
      }
      running = run()
        .catch((error: unknown) => console.error('[alerts] could not send saved-search alerts; they stay queued:', error))
        .finally(() => {
          running = null;
        });
      return running;
    },
    /** Resolves once no alerts are being sent (before the database closes). */
    settled: async () => {
      await running;
    },
  };
}

const runners = new WeakMap<PrismaClient, ReturnType<typeof createRunner>>();

/** This process's alert sender for the database `prisma` is on. */
export function alertSender(prisma: PrismaClient) {
  let runner = runners.get(prisma);
  if (!runner) {
    runner = createRunner(prisma);
    runners.set(prisma, runner);
  }
  return runner;
}
