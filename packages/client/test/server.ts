import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openTestConnection, type TestDbKind } from '@estate/db/testing';
import { spawnServer } from '@estate/server/spawn';
import { root } from './example-project.js';

// The built server (apps/server/dist) as users run it, on a new database seeded with demo data:
// a new embedded PGlite data directory, or a new empty PostgreSQL database, which the server
// migrates and, finding it new, seeds.

const serverEntry = path.join(root, 'apps/server/dist/main.js');

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(kind: TestDbKind): Promise<RunningServer> {
  if (!existsSync(serverEntry)) throw new Error('apps/server/dist/main.js is missing: build first (pnpm build)');
  const database = kind === 'postgres' ? await openTestConnection('postgres', 'empty') : null;
  const databaseUrl = database?.config?.databaseUrl;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'estate-client-test-'));
  const server = spawnServer([serverEntry], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { ESTATE_DATA_DIR: path.join(dataDir, 'pglite') }),
      UPLOADS_DIR: path.join(dataDir, 'uploads'),
      SEED_DEMO: '1',
      DEMO_POSTS: '40',
      LOG_REQUESTS: '0',
    },
  });
  const stop = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await database?.close();
  };
  try {
    return { url: await server.listening, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
