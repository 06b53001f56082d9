import type { PrismaClient } from '@estate/db';
import { TRPCError } from '@trpc/server';
import { dueEvery } from '../sweeps.js';
import { RateLimited } from './errors.js';

// Fixed-window counters kept in the database: one atomic statement per hit, so every
// server process behind a load balancer counts against the same limits, and memory use
// does not grow with the number of keys. Each row carries the end of its own window, so
// limits with different windows share the table and expired rows are deleted as we go.

export interface Limit {
  /** Hits allowed per window. */
  max: number;
  windowMs: number;
}

export interface RateLimits {
  /** Per client address, every sign-in or registration attempt. */
  authPerIp: Limit;
  /** Per email or username, until a successful login clears it. */
  authPerIdentifier: Limit;
  /** Per signed-in user: attempts at the current password (password change, account deletion). */
  passwordCheck: Limit;
  /** Per signed-in user: photo uploads. */
  uploads: Limit;
  /** Per signed-in user: new listings. */
  listings: Limit;
  /** Per signed-in user: chat messages sent. */
  messages: Limit;
}

export const defaultRateLimits: RateLimits = {
  authPerIp: { max: 20, windowMs: 15 * 60_000 },
  authPerIdentifier: { max: 10, windowMs: 15 * 60_000 },
  passwordCheck: { max: 10, windowMs: 15 * 60_000 },
  uploads: { max: 120, windowMs: 60 * 60_000 },
  listings: { max: 30, windowMs: 60 * 60_000 },
  // A lively conversation stays far below one a second; a script sending to everyone does not.
  messages: { max: 60, windowMs: 60_000 },
};

const cleanupDue = dueEvery(60_000);

/** At most once a minute per process, delete every row whose window is over. */
async function deleteExpired(prisma: PrismaClient, now: Date): Promise<void> {
  if (!cleanupDue(now)) return;
  await prisma.rateLimit.deleteMany({ where: { expiresAt: { lte: now } } });
}

function retryMessage(seconds: number): string {
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `Too many attempts. Try again in ${wait}.`;
}

/**
 * Counts one hit on `key` at `now`; throws TOO_MANY_REQUESTS (with the wait) once over the
 * limit. A row whose window is over starts a new window.
 */
export async function hit(prisma: PrismaClient, key: string, limit: Limit, now: Date = new Date()): Promise<void> {
  const expiresAt = new Date(now.getTime() + limit.windowMs);
  const [row] = await prisma.$queryRaw<Array<{ count: number; expiresAt: Date }>>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count", "expiresAt") VALUES (${key}, ${now}, 1, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."expiresAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."expiresAt" <= ${now} THEN ${now} ELSE "RateLimit"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimit"."expiresAt" <= ${now} THEN ${expiresAt} ELSE "RateLimit"."expiresAt" END
    RETURNING "count", "expiresAt"`;
  await deleteExpired(prisma, now);
  if (row && row.count > limit.max) {
    const retryAfterSeconds = Math.max(1, Math.ceil((row.expiresAt.getTime() - now.getTime()) / 1000));
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: retryMessage(retryAfterSeconds), cause: new RateLimited(retryAfterSeconds) });
  }
}

export async function reset(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } });
}
