import pg from 'pg';
import type { Logger } from './logger.js';

// A database started beside the server (a compose file, a pod) often answers a few seconds
// after it: the server waits for it, within a bound, instead of failing the first attempt.

/** The database could not be reached, or refused us: `message` is one line that says what to do. */
export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/** Network failures and a server still starting (57P03) or full (53300) may pass; a wrong password or database will not. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P03',
  '53300',
]);

function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return TRANSIENT_CODES.has(code);
  // pg's own words when the server closes the socket or the connect timeout passes.
  return /Connection terminated|timeout/i.test(error.message);
}

/** host:port of a URL, which is all of it that is safe to print. */
export function postgresHost(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const host = url.hostname || new URLSearchParams(url.search).get('host') || 'localhost';
  return `${host}:${url.port || '5432'}`;
}

const FIRST_PAUSE_MS = 250;
const MAX_PAUSE_MS = 5000;
/** One attempt may not hang on a host that drops packets. */
const MAX_ATTEMPT_MS = 5000;

/**
 * Resolves once PostgreSQL at `databaseUrl` accepts a connection and answers `SELECT 1`.
 * Transient failures are retried with growing pauses for up to `waitMs` (0: one attempt);
 * then, or at once for anything else, throws a DatabaseUnreachableError.
 */
export async function waitForPostgres(databaseUrl: string, options: { waitMs: number; logger: Logger }): Promise<void> {
  const where = `PostgreSQL at ${postgresHost(databaseUrl)} (DATABASE_URL)`;
  const deadline = performance.now() + options.waitMs;
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    const left = deadline - performance.now();
    const client = new pg.Client({
      connectionString: databaseUrl,
      connectionTimeoutMillis: Math.max(1000, Math.min(left, MAX_ATTEMPT_MS)),
    });
    // A socket error after connecting would otherwise be an unhandled 'error' event.
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (!isTransient(error)) {
        throw new DatabaseUnreachableError(`${where} refused the connection: ${reason}. Check DATABASE_URL.`);
      }
      const remaining = deadline - performance.now();
      if (remaining <= 0) {
        const waited = options.waitMs > 0 ? ` within ${Math.round(options.waitMs / 1000)} s (DATABASE_WAIT_MS)` : '';
        throw new DatabaseUnreachableError(
          `${where} could not be reached${waited}: ${reason}. Start the database, or point DATABASE_URL at a running one.`,
        );
      }
      options.logger.warn({ reason }, `${where} is not reachable yet (${reason}); retrying for up to ${Math.ceil(remaining / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, remaining)));
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    } finally {
      await client.end().catch(() => {});
    }
  }
}
