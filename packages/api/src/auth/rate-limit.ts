import type { PrismaClient } from '@estate/db';
import { TRPCError } from '@trpc/server';
import { RateLimited } from './errors.js';

// Fixed-window counters kept in the database: one atomic statement per hit, so every
// server process behind a load balancer counts against the same limits, and memory use
// does not grow with the number of keys. Rows of past windows are deleted as we go.

export interface Limit {
  /** Hits allowed per window. */
  max: number;
  windowMs: number;
}

export interface RateLimits {
  /** Per client address, every attempt. */
  authPerIp: Limit;
  /** Per email or username, until a successful login clears it. */
  authPerIdentifier: Limit;
}

export const defaultRateLimits: RateLimits = {
  authPerIp: { max: 20, windowMs: 15 * 60_000 },
  authPerIdentifier: { max: 10, windowMs: 15 * 60_000 },
};

const CLEANUP_EVERY_MS = 60_000;
let lastCleanup = 0;

/** At most once a minute (or once a window, if shorter), delete the rows of windows that are over. */
async function deleteExpired(prisma: PrismaClient, windowMs: number): Promise<void> {
  if (Date.now() - lastCleanup < Math.min(CLEANUP_EVERY_MS, windowMs)) return;
  lastCleanup = Date.now();
  await prisma.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - windowMs) } } });
}

/** Counts one hit on `key`; throws TOO_MANY_REQUESTS (with the wait) once over the limit. */
export async function hit(prisma: PrismaClient, key: string, limit: Limit): Promise<void> {
  const now = new Date();
  const windowStart = new Date(now.getTime() - limit.windowMs);
  const [row] = await prisma.$queryRaw<Array<{ count: number; windowStart: Date }>>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowStart} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowStart} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  await deleteExpired(prisma, limit.windowMs);
  if (row && row.count > limit.max) {
    const retryAfterSeconds = Math.max(1, Math.ceil((row.windowStart.getTime() + limit.windowMs - now.getTime()) / 1000));
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Too many attempts. Try again in ${retryAfterSeconds >= 120 ? `${Math.ceil(retryAfterSeconds / 60)} minutes` : `${retryAfterSeconds} seconds`}.`,
      cause: new RateLimited(retryAfterSeconds),
    });
  }
}

export async function reset(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } });
}
