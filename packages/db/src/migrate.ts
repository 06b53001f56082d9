import { randomUUID } from 'node:crypto';
import type { Connection, SqlSession } from './connection.js';
import { checksum, checksumMatches, defaultMigrationsDir, lockfileProvider, readMigrations } from './migrations.js';

// Applies prisma/migrations the way `prisma migrate deploy` does (postgres flavour of
// prisma-engines), recording each in `_prisma_migrations` with the same columns and
// checksums, so either tool can take over a database the other started. One difference,
// on purpose: each script runs inside a transaction, so a failing migration leaves
// nothing behind and is recorded as failed *and* rolled back; once fixed it applies on
// the next start. (Prisma runs scripts without a transaction and must leave a failed
// migration for a human to resolve; we still stop on such a row, see P3009 below.)

/** pg_advisory_lock key Prisma's engine uses, so our runner and Prisma exclude each other. */
const ADVISORY_LOCK_KEY = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"              VARCHAR(64) NOT NULL,
  "finished_at"           TIMESTAMPTZ,
  "migration_name"        VARCHAR(255) NOT NULL,
  "logs"                  TEXT,
  "rolled_back_at"        TIMESTAMPTZ,
  "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    /** Prisma's error code where one exists (P3005, P3009, P3018). */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface MigrateOptions {
  migrationsDir?: string;
  log?: (message: string) => void;
}

export interface MigrateResult {
  /** Names applied by this call, in order. */
  applied: string[];
  /** True when the database had no migration history before this call. */
  freshDatabase: boolean;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function userTables(session: SqlSession): Promise<string[]> {
  const rows = await session.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  return rows.map((row) => row.table_name);
}

async function hasHistoryTable(session: SqlSession): Promise<boolean> {
  const rows = await session.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`);
  return rows[0]?.exists === true;
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, position } = error as Error & { code?: string; position?: string };
  return [error.message, code && `SQLSTATE ${code}`, position && `at character ${position}`].filter(Boolean).join(' ');
}

async function applyOne(session: SqlSession, name: string, script: string): Promise<void> {
  const id = randomUUID();
  await session.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`, [
    id,
    checksum(script),
    name,
  ]);
  try {
    await session.exec('BEGIN');
    await session.exec(script);
    await session.exec('COMMIT');
  } catch (error) {
    // Keep the migration's own error even if the connection is already gone.
    await session.exec('ROLLBACK').catch(() => {});
    const logs = errorText(error);
    await session.query(`UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`, [id, logs]);
    throw new MigrationError(
      'P3018',
      `Migration ${name} failed and was rolled back; the database is as it was before it. Nothing later was applied.\n  ${logs}\nFix prisma/migrations/${name}/migration.sql (or the database) and start again.`,
    );
  }
  await session.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
}

async function migrate(session: SqlSession, options: Required<MigrateOptions>): Promise<MigrateResult> {
  const folder = readMigrations(options.migrationsDir);
  if (folder.migrations.length === 0) throw new MigrationError('P3015', `No migrations found in ${folder.dir}.`);
  const provider = folder.lockfile === null ? undefined : lockfileProvider(folder.lockfile);
  if (provider !== 'postgresql') {
    throw new MigrationError(
      'P3019',
      `${folder.dir}/migration_lock.toml must say provider = "postgresql" (found ${provider ?? 'no lockfile'}).`,
    );
  }

  if (!(await hasHistoryTable(session))) {
    const tables = await userTables(session);
    if (tables.length > 0) {
      throw new MigrationError(
        'P3005',
        `The database is not empty (${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}) and has no migration history, so Estate will not apply its schema over it. Use an empty database, or baseline this one (https://pris.ly/d/migrate-baseline).`,
      );
    }
    await session.exec(CREATE_TABLE);
  }

  const history = await session.query<HistoryRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  const failed = history.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new MigrationError(
      'P3009',
      `Migration ${failed.migration_name} started but never finished (a crash, or a failed \`prisma migrate deploy\`), so the database may be half-migrated. Inspect it, then mark the migration with \`prisma migrate resolve --rolled-back ${failed.migration_name}\` (or --applied) and start again.`,
    );
  }

  const applied = new Map(history.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row]));
  for (const migration of folder.migrations) {
    const row = applied.get(migration.name);
    if (row && !checksumMatches(migration.script, row.checksum)) {
      options.log(`warning: migration ${migration.name} was edited after it was applied; the database keeps the applied version.`);
    }
  }
  const pending = folder.migrations.filter((migration) => !applied.has(migration.name));
  const result: MigrateResult = { applied: [], freshDatabase: history.length === 0 };
  for (const migration of pending) {
    options.log(`applying migration ${migration.name}`);
    await applyOne(session, migration.name, migration.script);
    result.applied.push(migration.name);
  }
  return result;
}

/**
 * Brings the database up to date with the migrations folder. Holds Prisma's advisory
 * lock throughout, so concurrent starts (several server processes, or `prisma migrate
 * deploy`) apply each migration once.
 */
export async function applyMigrations(connection: Connection, options: MigrateOptions = {}): Promise<MigrateResult> {
  const resolved = { migrationsDir: options.migrationsDir ?? defaultMigrationsDir, log: options.log ?? (() => {}) };
  return connection.withSession(async (session) => {
    await session.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK_KEY})`);
    try {
      return await migrate(session, resolved);
    } finally {
      await session.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_KEY})`);
    }
  });
}
