import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openTestConnection, type TestDbKind } from '@estate/db/testing';
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
  const child: ChildProcess = spawn(process.execPath, [serverEntry], {
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
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
    await database?.close();
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', () => {
        const match = /listening on (http:\/\/[^\s",]+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
