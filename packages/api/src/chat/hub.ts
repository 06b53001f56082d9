import { type Listen, listenFor, type PrismaClient } from '@estate/db';
import { CHAT_CHANNEL } from './notify.js';

// The streams of one process wait here, by user, for news: a NOTIFY naming their user, the
// listening connection coming back (everyone looks, as notifications may have been lost), or
// their own timer. Waking only says "look": each stream then reads its new events itself.

/** A stream's place in the hub; `close` it when the stream ends. */
export interface WakeUps {
  /**
   * Resolves true once woken (or at once if woken since the last call) or after `timeoutMs`,
   * false once `signal` aborts.
   */
  next(timeoutMs: number): Promise<boolean>;
  close(): void;
}

function createHub(listen: Listen) {
  const waiting = new Map<string, Set<() => void>>();
  const wakeUser = (userId: string) => {
    for (const wake of waiting.get(userId) ?? []) wake();
  };
  const wakeAll = () => {
    for (const wakes of waiting.values()) for (const wake of wakes) wake();
  };
  let listening: Promise<void> | undefined;

  return {
    /**
     * Registers a stream of `userId`, resolving once the process listens: a change committed
     * after that wakes it, so the stream's first read afterwards cannot miss one.
     */
    async wakeUps(userId: string, signal: AbortSignal | undefined): Promise<WakeUps> {
      let woken = false;
      let settle: ((woken: boolean) => void) | null = null;
      const wake = () => {
        if (settle) settle(true);
        else woken = true;
      };
      const wakes = waiting.get(userId) ?? new Set();
      waiting.set(userId, wakes.add(wake));
      listening ??= listen(CHAT_CHANNEL, { onNotify: wakeUser, onReconnect: wakeAll });
      await listening;

      return {
        next(timeoutMs) {
          if (signal?.aborted) return Promise.resolve(false);
          if (woken) {
            woken = false;
            return Promise.resolve(true);
          }
          return new Promise((resolve) => {
            const onAbort = () => done(false);
            const timer = setTimeout(() => done(true), timeoutMs);
            signal?.addEventListener('abort', onAbort, { once: true });
            function done(result: boolean) {
              clearTimeout(timer);
              signal?.removeEventListener('abort', onAbort);
              settle = null;
              resolve(result);
            }
            settle = done;
          });
        },
        close() {
          wakes.delete(wake);
          if (wakes.size === 0 && waiting.get(userId) === wakes) waiting.delete(userId);
        },
      };
    },
  };
}

const hubs = new WeakMap<PrismaClient, ReturnType<typeof createHub>>();

/** This process's hub for the database `prisma` is on (one listening connection for all its streams). */
export function chatHub(prisma: PrismaClient) {
  let hub = hubs.get(prisma);
  if (!hub) {
    hub = createHub(listenFor(prisma));
    hubs.set(prisma, hub);
  }
  return hub;
}
