import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMigrations } from '../src/migrations.js';
import { diffMigrationsToSchema, schemaPath } from '../src/schema-engine.js';

// Prisma's schema engine replays every migration into an empty shadow database and
// compares the result with schema.prisma: any difference means someone changed one
// without the other (create the missing migration with `pnpm migrate:create <name>`).

const schema = readFileSync(schemaPath, 'utf8');

describe('migrations and schema.prisma', () => {
  it('describe exactly the same database', async () => {
    const drift = await diffMigrationsToSchema(readMigrations(), schema);
    expect(drift, `schema.prisma differs from the migrations; this SQL would close the gap:\n${drift}`).toBe('');
  });

  it('reports a schema edit that has no migration', async () => {
    const edited = schema.replace(/model Post \{\n/, 'model Post {\n  views Int @default(0)\n');
    expect(edited).not.toBe(schema);
    const drift = await diffMigrationsToSchema(readMigrations(), edited);
    expect(drift).toMatch(/ALTER TABLE "Post" ADD COLUMN\s+"views" INTEGER NOT NULL DEFAULT 0/);
  });
});
