import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_EMAIL, DEMO_PASSWORD } from '@estate/db';
import { describe, expect, it } from 'vitest';
import { webFixture } from './fixtures.js';
import { kill, startProcess } from './server-process.js';
import { eventsUrl, openStream } from './sse.js';
import { mutate } from './trpc-http.js';

// The real entry point in its own process: configuration errors, start-up, signals.

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

  it('migrates, seeds the demo on first start, serves, and on SIGTERM ends event streams at once and finishes other requests before exiting', async () => {
    const bigFile = 32 * 1024 * 1024;
    const server = startProcess({
      ESTATE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'estate-process-')),
      WEB_DIST_DIR: webFixture(bigFile),
      SEED_DEMO: '1',
      DEMO_POSTS: '20',
      SHUTDOWN_TIMEOUT_MS: '60000',
    });
    try {
      const url = await server.listening;
      expect(server.output()).toMatch(/Seeded 20 listings/);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      const login = await mutate(url, 'auth.login', { identifier: DEMO_EMAIL, password: DEMO_PASSWORD });
      const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      const events = await openStream(eventsUrl(url), { cookie });
      await events.next(2); // connected, and the unread count

      const download = await stalledDownload(`${url}/assets/big.bin`);
      server.child.kill('SIGTERM');
      // The stream ends within moments, not after the shutdown timeout, and without tRPC's
      // "return" (which would tell the client not to reconnect).
      const stream = await events.ended(2000);
      expect(stream).toEqual({ ended: true, events: [] });
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
