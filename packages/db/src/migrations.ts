import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** prisma/migrations of this package; the same path from src/ and from dist/. */
export const defaultMigrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

export interface MigrationFile {
  /** The directory name, `<timestamp>_<name>`: migrations apply in this order. */
  name: string;
  script: string;
}

export interface MigrationsFolder {
  dir: string;
  lockfile: string | null;
  migrations: MigrationFile[];
}

/** Reads Prisma's standard layout: `<dir>/<name>/migration.sql` and `<dir>/migration_lock.toml`. */
export function readMigrations(dir: string = defaultMigrationsDir): MigrationsFolder {
  if (!existsSync(dir)) return { dir, lockfile: null, migrations: [] };
  const lockPath = path.join(dir, 'migration_lock.toml');
  const migrations = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, script: readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') }));
  return { dir, lockfile: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null, migrations };
}

/** Lower-case hex SHA-256 of the script, as Prisma records it. */
export function checksum(script: string): string {
  return createHash('sha256').update(script).digest('hex');
}

/** Prisma treats a script with CRLF or LF line endings as the same migration. */
export function checksumMatches(script: string, recorded: string): boolean {
  const lf = script.replace(/\r\n/g, '\n');
  return [script, lf, lf.replace(/\n/g, '\r\n')].some((variant) => checksum(variant) === recorded);
}

export function lockfileProvider(lockfile: string): string | undefined {
  return /^\s*provider\s*=\s*"([^"]+)"/m.exec(lockfile)?.[1];
}
