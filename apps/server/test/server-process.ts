import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openTestConnection } from '@estate/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { spawnServer } from '../testing/spawn.js';

// The real entry point (src/main.ts) in a process of its own, as tests start it.

const serverDir = path.resolve(import.meta.dirname, '..');

export function startProcess(env: Record<string, string>) {
  return spawnServer(['--import', 'tsx', '--conditions=@estate/source', 'src/main.ts'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
  });
}

export function kill(child: ChildProcess) {
  if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * Server processes sharing one new PostgreSQL test database, for the enclosing describe block:
 * `count` started before its tests, every one killed after. `start` adds one more.
 */
export function processesOnPostgres(count: number) {
  const state: { connection?: Awaited<ReturnType<typeof openTestConnection>>; env: Record<string, string> } = { env: {} };
  const servers: Array<ReturnType<typeof startProcess>> = [];
  const start = () => {
    const server = startProcess(state.env);
    servers.push(server);
    return server.listening;
  };
  beforeAll(async () => {
    state.connection = await openTestConnection('postgres');
    state.env = {
      DATABASE_URL: state.connection.config?.databaseUrl ?? '',
      UPLOADS_DIR: mkdtempSync(path.join(tmpdir(), 'estate-uploads-')),
      LOG_REQUESTS: '0',
    };
    for (let i = 0; i < count; i++) void start();
  });
  afterAll(async () => {
    for (const server of servers) kill(server.child);
    await state.connection?.close();
  });
  return {
    /** The URLs of the first `count`, once they listen. */
    urls: () => Promise.all(servers.slice(0, count).map((server) => server.listening)),
    start,
    get connection() {
      if (!state.connection) throw new Error('not started yet');
      return state.connection;
    },
  };
}
