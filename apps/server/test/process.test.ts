import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webFixture } from './fixtures.js';

// The real entry point in its own process: configuration errors, start-up, signals.

const serverDir = path.resolve(import.meta.dirname, '..');

function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@estate/source', 'src/main.ts'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  listening.catch(() => {}); // a test that expects the start to fail does not await it
  return { child, listening, exited, output: () => output };
}

/** Starts a download and stops reading after the first chunk, so the response stays in flight. */
function stalledDownload(url: string): Promise<{ resume(): Promise<{ status: number; bytes: number }> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      let bytes = 0;
      res.once('data', (chunk: Buffer) => {
        bytes += chunk.length;
        res.pause();
        resolve({
          resume: () =>
            new Promise((done, fail) => {
              res.on('data', (more: Buffer) => (bytes += more.length));
              res.once('end', () => done({ status: res.statusCode ?? 0, bytes }));
              res.once('error', fail);
              res.resume();
            }),
        });
      });
    });
    req.once('error', reject);
    req.end();
  });
}

function kill(child: ChildProcess) {
  if (child.exitCode === null) child.kill('SIGKILL');
}

describe('the server process', () => {
  it('refuses to start on invalid configuration, naming each problem', async () => {
    const { exited, output } = startProcess({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/estate',
      DATABASE_POOL_SIZE: 'lots',
      TRUSTED_ORIGINS: 'estate.example',
    });
    expect(await exited).toBe(1);
    expect(output()).toMatch(/Invalid configuration:/);
    expect(output()).toMatch(/PORT: /);
    expect(output()).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(output()).toMatch(/DATABASE_POOL_SIZE: must be a whole number of connections/);
    expect(output()).toMatch(/TRUSTED_ORIGINS\.0: each origin must be an http\(s\) URL/);
  });

  it('migrates, seeds the demo on first start, serves, and on SIGTERM finishes in-flight requests before exiting', async () => {
    const bigFile = 32 * 1024 * 1024;
    const server = startProcess({
      ESTATE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'estate-process-')),
      WEB_DIST_DIR: webFixture(bigFile),
      SEED_DEMO: '1',
      DEMO_POSTS: '20',
    });
    try {
      const url = await server.listening;
      expect(server.output()).toMatch(/Seeded 20 listings/);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      const download = await stalledDownload(`${url}/assets/big.bin`);
      server.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      // No new connections once stopping…
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      // …but the download under way completes.
      expect(await download.resume()).toEqual({ status: 200, bytes: bigFile });
      expect(await server.exited).toBe(0);
      expect(server.output()).toMatch(/SIGTERM received/);
      expect(server.output()).toMatch(/GET \/assets\/big\.bin 200 \d+\.\dms/);
    } finally {
      kill(server.child);
    }
  });
});
