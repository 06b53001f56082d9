import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// PGlite is single-process and its on-disk format changes between minor releases
// (0.4 data directories do not open in 0.5). Guard both before PGlite touches the files.

const LOCK_FILE = 'estate.lock';
const MARKER_FILE = 'estate-pglite.json';

export class DataDirError extends Error {
  override name = 'DataDirError';
}

function pgliteVersion(): string {
  // The package does not export its package.json: find it above its entry point.
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The "major" of a 0.x package is its minor: 0.5.17 -> "0.5". */
function formatLine(version: string): string {
  const [major, minor] = version.split('.');
  return major === '0' ? `0.${minor}` : `${major}`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory's lock; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && processIsAlive(owner)) {
        throw new DataDirError(
          `The data directory ${dataDir} is in use by process ${owner}. PGlite allows one process per directory: stop that process, or set ESTATE_DATA_DIR to another directory (or DATABASE_URL to use PostgreSQL, which several processes can share).`,
        );
      }
      if (owner === process.pid) {
        throw new DataDirError(`The data directory ${dataDir} is already open in this process.`);
      }
      rmSync(lockPath, { force: true }); // left behind by a process that died
    }
  }
  throw new DataDirError(`Could not lock the data directory ${dataDir}.`);
}

/** Refuses a directory written by an incompatible PGlite; stamps a new one. */
export function checkDataDirVersion(dataDir: string): void {
  const current = pgliteVersion();
  const markerPath = path.join(dataDir, MARKER_FILE);
  const hasDatabase = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (existsSync(markerPath)) {
    const { pglite } = JSON.parse(readFileSync(markerPath, 'utf8')) as { pglite: string };
    if (formatLine(pglite) !== formatLine(current)) {
      throw new DataDirError(
        `The data directory ${dataDir} was created by PGlite ${pglite}, which this version (${current}) cannot open: PGlite's file format changes between ${formatLine(pglite)} and ${formatLine(current)}. Export it with the PGlite version that wrote it (pg_dump), or move it away to start with a new database.`,
      );
    }
  } else if (hasDatabase) {
    throw new DataDirError(
      `The data directory ${dataDir} holds a database that Estate did not create (no ${MARKER_FILE}). Point ESTATE_DATA_DIR at an empty or Estate-created directory.`,
    );
  }
  if (!hasDatabase) writeFileSync(markerPath, `${JSON.stringify({ pglite: current })}\n`);
}
