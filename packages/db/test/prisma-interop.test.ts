import type { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { openConnection } from '../src/connection.js';
import { applyMigrations } from '../src/migrate.js';
import { readMigrations } from '../src/migrations.js';
import { migrationList, noFilters, openSchemaEngine } from '../src/schema-engine.js';
import { openTestPglite } from '../src/testing.js';

// Prisma's own engine (the code behind `prisma migrate deploy/status`) reads the history our
// runner writes, and our runner reads the history Prisma writes. PGlite only: the engine
// cannot describe a real PostgreSQL server through adapter-pg (prisma-offline.md, bug 1).

const folder = readMigrations();
const names = folder.migrations.map((migration) => migration.name);

async function withEngineOn(db: PGlite, fn: (engine: Awaited<ReturnType<typeof openSchemaEngine>>) => Promise<void>) {
  const engine = await openSchemaEngine('datasource db {\n  provider = "postgresql"\n}\n', { main: db });
  try {
    await fn(engine);
  } finally {
    engine.free();
  }
}

describe('interoperability with prisma migrate', () => {
  it('Prisma sees a database migrated by Estate as up to date', async () => {
    const pglite = await openTestPglite('empty');
    await applyMigrations(await openConnection({ pglite }));
    await withEngineOn(pglite, async (engine) => {
      const diagnosis = await engine.diagnoseMigrationHistory({
        migrationsList: migrationList(folder),
        optInToShadowDatabase: false,
        filters: noFilters,
      });
      expect(diagnosis).toMatchObject({ history: null, failedMigrationNames: [], editedMigrationNames: [], hasMigrationsTable: true });
      // `prisma migrate deploy` would have nothing to do.
      expect(await engine.applyMigrations({ migrationsList: migrationList(folder), filters: noFilters })).toEqual({
        appliedMigrationNames: [],
      });
    });
    await pglite.close();
  });

  it('Estate takes over a database migrated by Prisma', async () => {
    const pglite = await openTestPglite('empty');
    await withEngineOn(pglite, async (engine) => {
      expect(await engine.applyMigrations({ migrationsList: migrationList(folder), filters: noFilters })).toEqual({
        appliedMigrationNames: names,
      });
    });
    expect(await applyMigrations(await openConnection({ pglite }))).toEqual({ applied: [], freshDatabase: false });
    await pglite.close();
  });
});
