import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@estate/db';
import { dueEvery } from '../sweeps.js';

// Sessions are opaque random tokens; the database keeps only their SHA-256, so a copy of
// the Session table cannot be replayed as cookies. A plain hash suffices (unlike
// passwords): a 256-bit random token cannot be guessed.

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Extending on every request would write on every request; once a day keeps it sliding. */
const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The fields of the signed-in user every procedure may see (their own email included). */
export const sessionUserSelect = { id: true, username: true, email: true, avatar: true, createdAt: true } as const;

const sweepDue = dueEvery(60 * 60 * 1000);

/**
 * Expired sessions are refused anyway; deleting them keeps the table small. The user's own
 * on every sign-in (an indexed delete), everyone's at most hourly per process.
 */
async function deleteExpired(prisma: Pick<PrismaClient, 'session'>, userId: string, now: Date): Promise<void> {
  const everyone = sweepDue(now);
  await prisma.session.deleteMany({ where: { ...(!everyone && { userId }), expiresAt: { lt: now } } });
}

export async function createSession(prisma: Pick<PrismaClient, 'session'>, userId: string, now: Date = new Date()) {
  await deleteExpired(prisma, userId, now);
  const token = randomBytes(32).toString('base64url');
  const session = await prisma.session.create({
    data: { tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    select: { id: true, expiresAt: true },
  });
  return { token, ...session };
}

/**
 * The live session for a token, or null. Extends it (sliding expiry) when it was last
 * extended more than a day ago; `refreshed` tells the caller to re-send the cookie.
 */
export async function resolveSession(prisma: PrismaClient, token: string, at: Date = new Date()) {
  const now = at.getTime();
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: sessionUserSelect } },
  });
  if (!session || session.expiresAt.getTime() <= now) return null;
  if (now - session.lastSeenAt.getTime() < REFRESH_AFTER_MS) return { ...session, refreshed: false };
  const expiresAt = new Date(now + SESSION_TTL_MS);
  // updateMany: a concurrent logout may have deleted it meanwhile, which is not an error here.
  await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now), expiresAt } });
  return { ...session, expiresAt, refreshed: true };
}

/** Whether a session still exists and has not expired: a long-lived stream checks its own now and then. */
export async function isSessionLive(prisma: PrismaClient, id: string, at: Date): Promise<boolean> {
  return (await prisma.session.count({ where: { id, expiresAt: { gt: at } } })) > 0;
}
