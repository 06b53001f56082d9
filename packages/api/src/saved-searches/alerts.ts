import { consoleLogger, type Logger, type Prisma, type PrismaClient } from '@estate/db';
import { lockRecipientKeys } from '../chat/events.js';
import { CHAT_CHANNEL } from '../chat/notify.js';
import { matchingSearches } from './match.js';

// Alerts for saved searches. A listing posted or changed is queued (a PendingAlert row) by the
// statement or transaction that writes it, so posting never waits for the matching, and no
// alert is lost if the process stops before sending it: the queue is worked through after each post and at
// start-up, by whichever process gets there first (rows are claimed with SKIP LOCKED).

/** Queues the listing's alerts, in the transaction that changes it (post.create queues in its own statement). */
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
    const { ids, lockKeys } = await matchingSearches(tx, postId);
    // Recipients first, as every writer of events does; then only pairs not announced before.
    await lockRecipientKeys(tx, lockKeys);
    // The pairs not announced before (of searches still there: an account deleted since the match
    // is gone), one alert per person naming those of their searches, and
    // the notifications, in one statement: a home in a big city can match thousands of searches.
    // The payload is chatEvent's `alert`, built where the rows are.
    await tx.$executeRaw`
      WITH fresh AS (
        INSERT INTO "SavedSearchMatch" ("savedSearchId", "postId", "createdAt")
        SELECT s."id", ${postId}::uuid, ${now} FROM "SavedSearch" s WHERE s."id" = ANY(${ids}::uuid[])
        ON CONFLICT DO NOTHING RETURNING "savedSearchId"
      ),
      alert AS (
        INSERT INTO "ChatEvent" ("userId", "kind", "payload", "createdAt")
        SELECT s."userId", 'alert',
          jsonb_build_object(
            'post', (SELECT jsonb_build_object('id', p."id", 'title', p."title", 'price', p."price", 'city', p."city", 'type', p."type")
                     FROM "Post" p WHERE p."id" = ${postId}::uuid),
            'searches', jsonb_agg(jsonb_build_object('id', s."id", 'name', s."name") ORDER BY s."createdAt", s."id")),
          ${now}
        -- One lookup by id each (LIMIT keeps the planner from joining them all by a scan).
        FROM fresh f CROSS JOIN LATERAL (SELECT * FROM "SavedSearch" s WHERE s."id" = f."savedSearchId" LIMIT 1) s
        GROUP BY s."userId"
        RETURNING "userId"
      )
      SELECT pg_notify(${CHAT_CHANNEL}, "userId"::text) FROM alert`;
    await tx.pendingAlert.delete({ where: { postId } });
    return true;
  });
}

function createRunner(prisma: PrismaClient) {
  let running: Promise<void> | null = null;
  let again = false;
  let clock: () => Date = () => new Date();
  let log: Logger = consoleLogger;

  async function run(): Promise<void> {
    do {
      again = false;
      while (await sendNext(prisma, clock()));
    } while (again);
  }

  return {
    /** Works through the queue soon, once at a time per process; `now` dates the alerts, `logger` hears of failures. */
    kick(now: () => Date, logger: Logger): Promise<void> {
      clock = now;
      log = logger;
      if (running) {
        again = true;
        return running;
      }
      running = run()
        .catch((error: unknown) => log.error({ err: error }, '[alerts] could not send saved-search alerts; they stay queued'))
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
