import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Connection, openConnection } from './connection.js';
import { createDbOn, type Db } from './create-db.js';
import { applyMigrations } from './migrate.js';
import { readMigrations } from './migrations.js';

// Real databases for tests, cheap enough to give every test file its own: PGlite always,
// PostgreSQL as well when TEST_DATABASE_URL names a server (CI sets it). Both start from
// templates built once (a new PGlite takes ~5 s; loading a dumped one ~1 s).

export type TestDbKind = 'pglite' | 'postgres';
export type Template = 'empty' | 'migrated';

export function testDbKinds(): TestDbKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

const cacheDir = fileURLToPath(new URL('../../../node_modules/.cache/estate-test', import.meta.url));

/** Changes whenever a migration does, so stale templates are never used. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const migration of readMigrations().migrations) hash.update(migration.name).update(migration.script);
  return hash.digest('hex').slice(0, 12);
}

function templateKey(template: Template): string {
  return template === 'empty' ? 'empty' : `migrated_${migrationsHash()}`;
}

async function pgliteTemplate(template: Template): Promise<Blob> {
  const file = path.join(cacheDir, `pglite-${templateKey(template)}.tar.gz`);
  if (!existsSync(file)) {
    const db = await PGlite.create();
    if (template === 'migrated') await applyMigrations(await openConnection({ pglite: db }));
    const dump = await db.dumpDataDir('gzip');
    await db.close();
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file); // atomic: a concurrent reader sees all of it or nothing
  }
  return new Blob([readFileSync(file)]);
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Templates of older migration sets are never used again. */
async function dropStaleTemplates(admin: pg.Client, current: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'estate\\_tpl\\_migrated\\_%' AND datname <> $1`,
    [current],
  );
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
}

async function postgresTemplate(template: Template): Promise<string> {
  const name = `estate_tpl_${templateKey(template)}`;
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock(4242)'); // one builder at a time across test workers
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) return;
      if (template === 'migrated') await dropStaleTemplates(admin, name);
      await admin.query(`CREATE DATABASE "${name}"`);
      if (template === 'migrated') {
        const connection = await openConnection({ databaseUrl: databaseUrl(name) });
        try {
          await applyMigrations(connection);
        } finally {
          await connection.close();
        }
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(4242)');
    }
  });
  return name;
}

/** Builds the templates up front (vitest globalSetup), so parallel test files do not race to. */
export async function prepareTestTemplates(): Promise<void> {
  for (const template of ['empty', 'migrated'] as const) {
    await pgliteTemplate(template);
    if (process.env.TEST_DATABASE_URL) await postgresTemplate(template);
  }
}

/** A new in-memory PGlite cloned from a template. */
export async function openTestPglite(template: Template = 'migrated'): Promise<PGlite> {
  return PGlite.create({ loadDataDir: await pgliteTemplate(template) });
}

/** A new database of its own; closing the connection throws it away. */
export async function openTestConnection(
  kind: TestDbKind,
  template: Template = 'migrated',
): Promise<Connection & { config: { databaseUrl: string } | null }> {
  if (kind === 'pglite') {
    const db = await openTestPglite(template);
    return Object.assign(await openConnection({ pglite: db, location: 'PGlite (test, in memory)' }), { config: null });
  }
  const name = `estate_test_${randomBytes(6).toString('hex')}`;
  const source = await postgresTemplate(template);
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`));
  const url = databaseUrl(name);
  const connection = await openConnection({ databaseUrl: url });
  return {
    ...connection,
    config: { databaseUrl: url },
    async close() {
      await connection.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** A migrated database with Prisma on it. */
export async function createTestDb(kind: TestDbKind): Promise<Db> {
  return createDbOn(await openTestConnection(kind, 'migrated'), { migrate: false });
}
