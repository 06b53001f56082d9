import type { PrismaClient } from '@estate/db';
import { TRPCError, type TrackedEnvelope, tracked } from '@trpc/server';
import { isSessionLive } from '../auth/session.js';
import { type ChatEvent, eventsAfter, latestEventId } from './events.js';
import { chatHub } from './hub.js';
import { unreadChats } from './unread.js';

/**
 * A stream looks on its own about this often: a safety net for a lost notification, and its
 * session check. Each wait is drawn between half and one and a half times it: streams opened
 * together (after a restart, or in a benchmark) would otherwise all look at once, and 1,000
 * looking in the same seconds held up live messages by 0.6 s.
 */
const POLL_MS = 30_000;

export interface StreamOptions {
  prisma: PrismaClient;
  userId: string;
  sessionId: string;
  now: () => Date;
  /** The id of the last event the client has; null for a new stream. */
  lastEventId: bigint | null;
  signal: AbortSignal | undefined;
}

/**
 * The user's chat events as they happen, each with its id. Resuming from `lastEventId` sends
 * exactly the events after it, read from the database. A new stream starts with the current
 * unread count, carrying the latest event's id: what a page loaded before it may have missed
 * it should load again then. The stream ends when its session does (sign-out, a password
 * changed elsewhere, expiry): checked when a wake-up brings nothing new, and every poll.
 */
export async function* chatEvents({
  prisma,
  userId,
  sessionId,
  now,
  lastEventId,
  signal,
}: StreamOptions): AsyncGenerator<TrackedEnvelope<ChatEvent>> {
  // Listening before the first read: a change committed after it wakes us, so none falls in between.
  const wakeUps = await chatHub(prisma).wakeUps(userId, signal);
  try {
    let last = lastEventId;
    if (last === null) {
      last = await latestEventId(prisma, userId);
      const current: ChatEvent = { kind: 'unread', count: await unreadChats(prisma, userId) };
      yield tracked(String(last), current);
    }
    let checkedAt = now().getTime();
    let woken = false;
    for (;;) {
      const { events, more } = await eventsAfter(prisma, userId, last);
      for (const { id, event } of events) {
        last = id;
        yield tracked(String(id), event);
      }
      if (more) continue;
      // The session is checked when a wake-up brought nothing (a sign-out wakes the stream too)
      // and at least once a poll: not on every event, as an alert to thousands wakes them all.
      if ((woken && events.length === 0) || now().getTime() - checkedAt >= POLL_MS) {
        if (!(await isSessionLive(prisma, sessionId, now()))) {
          throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your session has ended. Please sign in again.' });
        }
        checkedAt = now().getTime();
      }
      if (!(await wakeUps.next(POLL_MS * (0.5 + Math.random())))) return;
      woken = true;
    }
  } finally {
    wakeUps.close();
  }
}
