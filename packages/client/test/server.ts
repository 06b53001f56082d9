import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './example-project.js';

// The built server (apps/server/dist) as users run it, on a new database seeded with demo data:
// a new embedded PGlite data directory, or the PostgreSQL database at `databaseUrl`.

const serverEntry = path.join(root, 'apps/server/dist/main.js');

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(databaseUrl?: string): Promise<RunningServer> {
  if (!existsSync(serverEntry)) throw new Error('apps/server/dist/main.js is missing: build first (pnpm build)');
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
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
