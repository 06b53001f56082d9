import { fileURLToPath } from 'node:url';
import { PrismaClient } from './client.js';
import { type Connection, type ConnectionConfig, openConnection, type PoolStats } from './connection.js';
import { registerListen } from './listen.js';
import type { Logger } from './logger.js';
import { applyMigrations, type MigrateResult } from './migrate.js';
import { registerSql } from './sql.js';

/** `<repository>/.data/pglite`: the same path from src/ and from dist/. */
export const defaultDataDir = fileURLToPath(new URL('../../../.data/pglite', import.meta.url));

export interface DbOptions {
  /** postgresql://… selects PostgreSQL; unset selects PGlite in `dataDir`. Defaults to $DATABASE_URL. */
  databaseUrl?: string | undefined;
  /** PostgreSQL connections this process may open (default 10). */
  poolSize?: number | undefined;
  /** PGlite's data directory. Defaults to $ESTATE_DATA_DIR, then `defaultDataDir`. */
  dataDir?: string | undefined;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  migrationsDir?: string;
  log?: (message: string) => void;
  /** Where a PostgreSQL connection's failures after start-up are reported (default: the console). */
  logger?: Logger | undefined;
}

export interface Db {
  prisma: PrismaClient;
  kind: Connection['kind'];
  /** Where the data lives, safe to log. */
  location: string;
  /** What migrating did, or null when `migrate: false`. */
  migration: MigrateResult | null;
  /** PostgreSQL's pool now; null on PGlite. */
  poolStats(): PoolStats | null;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function connectionConfig(options: Pick<DbOptions, 'databaseUrl' | 'dataDir' | 'poolSize' | 'logger'> = {}): ConnectionConfig {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl) {
    if (!isPostgresUrl(databaseUrl)) {
      throw new Error(
        `DATABASE_URL must be a postgresql:// URL (got "${databaseUrl.split(':')[0]}:…"); leave it unset to use the embedded database.`,
      );
    }
    return { databaseUrl, ...(options.poolSize && { poolSize: options.poolSize }), ...(options.logger && { logger: options.logger }) };
  }
  return { dataDir: options.dataDir ?? process.env.ESTATE_DATA_DIR ?? defaultDataDir };
}

/** Wraps an open connection: migrates it, then puts Prisma on it. */
export async function createDbOn(
  connection: Connection,
  options: Omit<DbOptions, 'databaseUrl' | 'dataDir' | 'poolSize' | 'logger'> = {},
): Promise<Db> {
  try {
    const migration =
      options.migrate === false
        ? null
        : await applyMigrations(connection, {
            ...(options.migrationsDir && { migrationsDir: options.migrationsDir }),
            ...(options.log && { log: options.log }),
          });
    const prisma = new PrismaClient({ adapter: connection.adapter() });
    registerSql(prisma, connection.sql);
    registerListen(prisma, connection.listen);
    return {
      prisma,
      kind: connection.kind,
      location: connection.location,
      migration,
      poolStats: () => connection.poolStats(),
      async close() {
        await prisma.$disconnect();
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/**
 * Opens the database: PostgreSQL when a URL is given (or in $DATABASE_URL), otherwise the
 * embedded PGlite in a data directory; applies pending migrations unless told not to.
 */
export async function createDb(options: DbOptions = {}): Promise<Db> {
  return createDbOn(await openConnection(connectionConfig(options)), options);
}
