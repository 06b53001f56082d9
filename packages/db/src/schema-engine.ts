import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine, SchemasContainer } from '@prisma/schema-engine-wasm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { MigrationsFolder } from './migrations.js';

// Prisma's own schema engine, compiled to WebAssembly, driven offline: the native engine
// that `prisma migrate` downloads is unreachable on machines without internet access.
// Development tooling only (creating migrations, the drift check); the app applies
// migrations with ./migrate.ts.

// Node 20's type definitions do not declare the WebAssembly global; this is the part used here.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

export const schemaPath = path.resolve(import.meta.dirname, '../prisma/schema.prisma');

/**
 * The engine talks to PGlite only: `main` (default: a new in-memory one) and, for replaying
 * migrations, a new in-memory shadow database.
 */
function pgliteAdapterFactory(main?: PGlite) {
  const adapterFor = async (db: PGlite) => {
    const adapter = await new PrismaPGlite(db).connect();
    // pglite-prisma-adapter 0.7.2 does not await exec() here, so a failing script would pass.
    adapter.executeScript = async (script: string) => {
      await db.exec(script);
    };
    if (db !== main) {
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await db.close();
      };
    }
    return adapter;
  };
  return bindMigrationAwareSqlAdapterFactory({
    provider: 'postgres',
    adapterName: 'estate-pglite-memory',
    connect: () => adapterFor(main ?? new PGlite()),
    connectToShadowDb: () => adapterFor(new PGlite()),
  });
}

async function instantiate(): Promise<typeof import('@prisma/schema-engine-wasm/schema_engine_bg')> {
  const require = createRequire(import.meta.url);
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  return glue;
}

let glue: Promise<typeof import('@prisma/schema-engine-wasm/schema_engine_bg')> | undefined;

export async function openSchemaEngine(
  schema: string,
  options: { main?: PGlite; log?: (message: string) => void } = {},
): Promise<SchemaEngine> {
  const log = options.log ?? (() => {});
  glue ??= instantiate();
  const { SchemaEngine } = await glue;
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message: string) => log(`schema engine panic: ${message}`),
  };
  return SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, pgliteAdapterFactory(options.main));
}

export function schemas(schema: string): SchemasContainer {
  return { files: [{ path: schemaPath, content: schema }] };
}

export function migrationList(folder: MigrationsFolder): MigrationList {
  return {
    baseDir: folder.dir,
    lockfile: { path: 'migration_lock.toml', content: folder.lockfile },
    shadowDbInitScript: '',
    migrationDirectories: folder.migrations.map((migration) => ({
      path: migration.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: migration.script } },
    })),
  };
}

export const noFilters = { externalTables: [], externalEnums: [] };

/** SQL that takes a database built from `folder` to what `schema` describes; '' when they agree. */
export async function diffMigrationsToSchema(folder: MigrationsFolder, schema: string): Promise<string> {
  const engine = await openSchemaEngine(schema);
  try {
    const from = folder.migrations.length > 0 ? { tag: 'migrations' as const, ...migrationList(folder) } : { tag: 'empty' as const };
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', ...schemas(schema) },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? (result.stdout ?? '') : '';
  } finally {
    engine.free();
  }
}
