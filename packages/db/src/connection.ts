import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Prisma } from './client.js';
import { assertChannelName, type Listen } from './listen.js';
import { consoleLogger, type Logger } from './logger.js';
import { postgresListener } from './pg-listener.js';
import { checkDataDirVersion, lockDataDir } from './pglite-dir.js';
import { type SqlClient, sqlValues } from './sql.js';

/** A single database session: what migrations need (advisory locks are per session). */
export interface SqlSession {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements. */
  exec(script: string): Promise<void>;
}

export interface Connection {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, safe to log (no password). */
  readonly location: string;
  /** Runs `fn` on one dedicated session. */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** The Prisma driver adapter for this database. */
  adapter(): SqlDriverAdapterFactory;
  /** Read-only statements straight to the driver (see sql.ts). */
  sql: SqlClient;
  /** LISTEN on one connection kept for it (see listen.ts). */
  listen: Listen;
  /** PostgreSQL's connection pool now (for metrics); null on PGlite, which has none. */
  poolStats(): PoolStats | null;
  close(): Promise<void>;
}

export interface PoolStats {
  /** Connections open, busy or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

export type ConnectionConfig =
  | { databaseUrl: string; poolSize?: number; logger?: Logger }
  | { dataDir: string }
  | { pglite: PGlite; location?: string };

/** Names given so far, by statement text (hashing each call's text cost 1% of a search's server time). */
const names = new Map<string, string>();
const KEPT_NAMES = 1000;

/** Prepared once per connection under a name of its text: later calls skip parsing, and planning once PostgreSQL keeps a plan. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `estate_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    if (names.size >= KEPT_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * Settings of every session the app opens on PostgreSQL (pg's `options`). Starting parallel
 * workers took about 10 ms here, more than a map of the whole country takes without them (16 ms
 * p95 with, 10 without, at 1,000,000 listings): only big scans get them.
 */
export const SESSION_OPTIONS = '-c parallel_setup_cost=10000';

function postgres(databaseUrl: string, poolSize = 10, logger: Logger = consoleLogger): Connection {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, options: SESSION_OPTIONS });
  // An idle client that loses its connection emits on the pool; without a listener it would crash the process.
  pool.on('error', (error) => logger.error({}, `[db] idle PostgreSQL connection failed: ${error.message}`));
  const listener = postgresListener(databaseUrl, logger);
  return {
    kind: 'postgres',
    location: redact(databaseUrl),
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async (sql, params) => (await client.query(sql, params)).rows,
          // Without parameters pg uses the simple protocol, which runs a whole multi-statement script.
          exec: async (script) => void (await client.query(script)),
        });
      } finally {
        client.release();
      }
    },
    adapter: () => new PrismaPg(pool),
    sql: {
      async query<Row>(statement: Prisma.Sql, options?: { prepare?: boolean }) {
        // Unnamed statements are planned for their own values every time.
        const name = options?.prepare ? statementName(statement.text) : undefined;
        return (await pool.query({ ...(name && { name }), text: statement.text, values: sqlValues(statement) })).rows as Row[];
      },
    },
    listen: listener.listen,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

function pglite(db: PGlite, location: string, release: () => Promise<void>): Connection {
  const session: SqlSession = {
    query: async (sql, params) => (await db.query<never>(sql, params)).rows,
    exec: async (script) => void (await db.exec(script)),
  };
  // PGlite has exactly one session, so "a dedicated session" means taking turns: two
  // callers interleaving their statements would share each other's transactions.
  let turn: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    location,
    withSession(fn) {
      const result = turn.then(() => fn(session));
      turn = result.catch(() => {});
      return result;
    },
    adapter: () => new PrismaPGlite(db),
    sql: {
      async query<Row>(statement: Prisma.Sql) {
        return (await db.query<Row>(statement.text, sqlValues(statement))).rows;
      },
    },
    // PGlite's single session hears its own NOTIFYs, delivered as each transaction commits.
    async listen(channel, handlers) {
      assertChannelName(channel);
      await db.listen(channel, (payload) => handlers.onNotify(payload));
    },
    poolStats: () => null,
    close: release,
  };
}

/** Opens PostgreSQL (URL), a PGlite data directory, or wraps an open PGlite (tests). */
export async function openConnection(config: ConnectionConfig): Promise<Connection> {
  if ('databaseUrl' in config) return postgres(config.databaseUrl, config.poolSize, config.logger);
  if ('pglite' in config) return pglite(config.pglite, config.location ?? 'PGlite (in memory)', () => config.pglite.close());
  const unlock = lockDataDir(config.dataDir);
  try {
    checkDataDirVersion(config.dataDir);
    const db = await PGlite.create({ dataDir: config.dataDir });
    return pglite(db, `PGlite at ${config.dataDir}`, async () => {
      try {
        await db.close();
      } finally {
        unlock();
      }
    });
  } catch (error) {
    unlock();
    throw error;
  }
}
