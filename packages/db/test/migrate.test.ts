import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SqlSession } from '../src/connection.js';
import { applyMigrations, MigrationError } from '../src/migrate.js';
import { defaultMigrationsDir, readMigrations } from '../src/migrations.js';
import { openTestConnection, testDbKinds } from '../src/testing.js';

const migrationNames = readMigrations().migrations.map((migration) => migration.name);

/** A copy of the real migrations plus one more, to change without touching the repository. */
function migrationsWith(name: string, script: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'estate-migrations-'));
  cpSync(defaultMigrationsDir, dir, { recursive: true });
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, 'migration.sql'), script);
  return dir;
}

async function history(session: SqlSession) {
  return session.query<{
    migration_name: string;
    checksum: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
    logs: string | null;
    applied_steps_count: number;
  }>('SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name');
}

async function tableExists(session: SqlSession, table: string): Promise<boolean> {
  const [row] = await session.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS "exists"', [`"${table}"`]);
  return row?.exists === true;
}

describe.each(testDbKinds())('migrations on %s', (kind) => {
  it('applies every migration to an empty database and records it as prisma migrate deploy does', async () => {
    const connection = await openTestConnection(kind, 'empty');
    try {
      const result = await applyMigrations(connection);
      expect(result).toEqual({ applied: migrationNames, freshDatabase: true });
      await connection.withSession(async (session) => {
        const rows = await history(session);
        expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
        for (const row of rows) {
          const script = readFileSync(path.join(defaultMigrationsDir, row.migration_name, 'migration.sql'));
          expect(row.checksum).toBe(createHash('sha256').update(script).digest('hex'));
          expect(row.finished_at).toBeInstanceOf(Date);
          expect(row.rolled_back_at).toBeNull();
          expect(row.applied_steps_count).toBe(1);
        }
        // The table's shape is Prisma's, so `prisma migrate deploy` can read and extend it.
        const columns = await session.query<{ column_name: string; data_type: string; is_nullable: string }>(
          `SELECT column_name, data_type, is_nullable FROM information_schema.columns
           WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
        );
        expect(columns).toEqual([
          { column_name: 'id', data_type: 'character varying', is_nullable: 'NO' },
          { column_name: 'checksum', data_type: 'character varying', is_nullable: 'NO' },
          { column_name: 'finished_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
          { column_name: 'migration_name', data_type: 'character varying', is_nullable: 'NO' },
          { column_name: 'logs', data_type: 'text', is_nullable: 'YES' },
          { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
          { column_name: 'started_at', data_type: 'timestamp with time zone', is_nullable: 'NO' },
          { column_name: 'applied_steps_count', data_type: 'integer', is_nullable: 'NO' },
        ]);
        for (const table of ['User', 'Session', 'Post', 'PostDetail', 'SavedPost', 'Chat', 'ChatMember', 'Message']) {
          expect(await tableExists(session, table), table).toBe(true);
        }
      });
    } finally {
      await connection.close();
    }
  });

  it('does nothing when run again', async () => {
    const connection = await openTestConnection(kind, 'empty');
    try {
      await applyMigrations(connection);
      const before = await connection.withSession(history);
      expect(await applyMigrations(connection)).toEqual({ applied: [], freshDatabase: false });
      expect(await connection.withSession(history)).toEqual(before);
    } finally {
      await connection.close();
    }
  });

  it('rolls a failing migration back completely, records the failure and applies it once fixed', async () => {
    const connection = await openTestConnection(kind, 'empty');
    const name = '29991231000000_broken';
    const dir = migrationsWith(
      name,
      'CREATE TABLE "Half" ("id" INTEGER);\nALTER TABLE "Post" ADD COLUMN "views" INTEGER;\nSELECT * FROM "NoSuchTable";\n',
    );
    try {
      const error = await applyMigrations(connection, { migrationsDir: dir }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).code).toBe('P3018');
      expect((error as MigrationError).message).toMatch(/29991231000000_broken failed and was rolled back/);
      expect((error as MigrationError).message).toMatch(/NoSuchTable/);

      await connection.withSession(async (session) => {
        // Nothing of the broken script survives; everything before it does.
        expect(await tableExists(session, 'Half')).toBe(false);
        const postColumns = await session.query(
          `SELECT 1 FROM information_schema.columns WHERE table_name = 'Post' AND column_name = 'views'`,
        );
        expect(postColumns).toEqual([]);
        const rows = await history(session);
        expect(rows.map((row) => row.migration_name)).toEqual([...migrationNames, name]);
        const failed = rows.at(-1);
        expect(failed?.finished_at).toBeNull();
        expect(failed?.rolled_back_at).toBeInstanceOf(Date);
        expect(failed?.logs).toMatch(/NoSuchTable/);
      });

      // Fixed: the next start applies it.
      writeFileSync(path.join(dir, name, 'migration.sql'), 'ALTER TABLE "Post" ADD COLUMN "views" INTEGER;\n');
      expect(await applyMigrations(connection, { migrationsDir: dir })).toEqual({ applied: [name], freshDatabase: false });
      const rows = await connection.withSession(history);
      expect(rows.filter((row) => row.migration_name === name).map((row) => row.finished_at !== null)).toEqual([false, true]);
    } finally {
      await connection.close();
    }
  });

  it('stops on a migration that started and never finished (P3009)', async () => {
    const connection = await openTestConnection(kind, 'migrated');
    try {
      await connection.withSession((session) =>
        session.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('00000000-0000-4000-8000-000000000000', 'x', '29991231000000_crashed')`,
        ),
      );
      await expect(applyMigrations(connection)).rejects.toMatchObject({
        code: 'P3009',
        message: expect.stringMatching(/29991231000000_crashed started but never finished/),
      });
    } finally {
      await connection.close();
    }
  });

  it('refuses a database that has tables but no migration history (P3005)', async () => {
    const connection = await openTestConnection(kind, 'empty');
    try {
      await connection.withSession((session) => session.exec('CREATE TABLE "Legacy" ("id" INTEGER)'));
      await expect(applyMigrations(connection)).rejects.toMatchObject({
        code: 'P3005',
        message: expect.stringMatching(/not empty \(Legacy\)/),
      });
      expect(await connection.withSession((session) => tableExists(session, 'User'))).toBe(false);
    } finally {
      await connection.close();
    }
  });

  it('applies each migration once when several runners start at the same moment', async () => {
    const first = await openTestConnection(kind, 'empty');
    // PostgreSQL: a second pool on the same database, as a second server process would have.
    // PGlite: one process owns the database, so the runners share it (another process is
    // refused by the data directory lock, tested with createDb).
    const second = first.config ? await (await import('../src/connection.js')).openConnection(first.config) : first;
    try {
      const results = await Promise.all([applyMigrations(first), applyMigrations(second), applyMigrations(first)]);
      expect(results.flatMap((result) => result.applied).sort()).toEqual(migrationNames);
      expect((await first.withSession(history)).map((row) => row.migration_name)).toEqual(migrationNames);
    } finally {
      if (second !== first) await second.close();
      await first.close();
    }
  });
});
