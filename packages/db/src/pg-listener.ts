import pg from 'pg';
import { assertChannelName, type NotifyHandlers } from './listen.js';
import type { Logger } from './logger.js';

// One PostgreSQL connection per process LISTENs on every channel anyone asked for (not one
// per subscriber: a server holding thousands of streams still uses one). It is a client of
// its own, outside the pool, as LISTEN belongs to a session. When it drops it is reopened with
// growing pauses, and every handler hears `onReconnect`, since notifications sent while it
// was down are gone.

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

export function postgresListener(databaseUrl: string, logger: Logger) {
  const channels = new Map<string, NotifyHandlers[]>();
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let retryMs = FIRST_RETRY_MS;
  let closed = false;
  // Connecting, listening and closing take turns, so a channel added while connecting is never skipped.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = turn.then(fn);
    turn = result.catch(() => {});
    return result;
  };

  function lost(which: pg.Client, error?: Error): void {
    if (which !== client) return;
    logger.error({ err: error }, `[db] the listening connection was lost${error ? `: ${error.message}` : ''}; reconnecting`);
    client = null;
    which.end().catch(() => {});
    scheduleReconnect();
  }

  /** Opens a connection listening on every known channel; false if the database cannot be reached. */
  async function connect(): Promise<boolean> {
    const next = new pg.Client({ connectionString: databaseUrl, keepAlive: true, application_name: 'estate-listener' });
    next.on('notification', ({ channel, payload }) => {
      for (const handlers of channels.get(channel) ?? []) handlers.onNotify(payload ?? '');
    });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      for (const channel of channels.keys()) await next.query(`LISTEN ${channel}`);
      client = next;
      retryMs = FIRST_RETRY_MS;
      return true;
    } catch (error) {
      logger.error({}, `[db] could not open the listening connection: ${(error as Error).message}`);
      next.end().catch(() => {});
      return false;
    }
  }

  function scheduleReconnect(): void {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void inTurn(async () => {
        if (closed || client) return;
        if (!(await connect())) {
          retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
          scheduleReconnect();
          return;
        }
        for (const list of channels.values()) for (const handlers of list) handlers.onReconnect();
      });
    }, retryMs);
    // A stopping process does not wait for the next attempt.
    retry.unref();
  }

  return {
    listen(channel: string, handlers: NotifyHandlers): Promise<void> {
      assertChannelName(channel);
      return inTurn(async () => {
        const known = channels.get(channel);
        channels.set(channel, [...(known ?? []), handlers]);
        if (known || closed) return;
        const current = client;
        if (current) await current.query(`LISTEN ${channel}`).catch((error: Error) => lost(current, error));
        else if (!retry && !(await connect())) scheduleReconnect();
      });
    },
    close(): Promise<void> {
      closed = true;
      clearTimeout(retry);
      return inTurn(async () => {
        const last = client;
        client = null;
        await last?.end();
      });
    },
  };
}
