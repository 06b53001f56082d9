import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import superjson, { type SuperJSONResult } from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { tempStorage, webFixture } from './fixtures.js';
import { rawGet } from './raw-http.js';
import { eventsUrl } from './sse.js';
import { signUp } from './trpc-http.js';

// Static files go out precompressed (the build writes .br and .gz beside them); API answers of
// 1 KB or more are compressed as they are sent; event streams never are.

/** A web build with one asset precompressed both ways, as the web build leaves it. */
function compressedWebFixture(): { dir: string; script: Buffer } {
  const dir = webFixture();
  const script = Buffer.from(`export const homes = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `home ${i}`))};\n`);
  const file = path.join(dir, 'assets', 'index-abc123.js');
  writeFileSync(file, script);
  writeFileSync(`${file}.br`, brotliCompressSync(script));
  writeFileSync(`${file}.gz`, gzipSync(script));
  return { dir, script };
}

const trpcGet = (base: string, procedure: string, input: unknown) =>
  `${base}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;

describe.each(testDbKinds())('compression on %s', (kind) => {
  const web = compressedWebFixture();
  let db: Db;
  let server: RunningServer;

  beforeAll(async () => {
    db = await createTestDb(kind);
    const user = await db.prisma.user.create({ data: { email: 'zip@example.com', username: 'zip_user', passwordHash: 'x' } });
    // Enough listings for an answer well over 1 KB.
    await db.prisma.post.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        title: `Bright flat number ${i} near the park`,
        price: 1000 + i,
        images: [],
        address: `${i} Park Lane`,
        city: 'Reno',
        cityKey: 'reno',
        bedroom: 2,
        bathroom: 1,
        latitude: 39.5,
        longitude: -119.8,
        type: 'rent' as const,
        property: 'apartment' as const,
        userId: user.id,
      })),
    });
    server = await startServer({
      prisma: db.prisma,
      storage: tempStorage(),
      config: { webDistDir: web.dir, trustProxy: 0, logRequests: false, trustedOrigins: [] },
      port: 0,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await server?.close(1000);
    await db?.close();
  });

  it('serves the precompressed asset the client prefers, varying on Accept-Encoding', async () => {
    const url = `${server.url}/assets/index-abc123.js`;
    const cases = [
      { accept: 'gzip, deflate, br', encoding: 'br', decode: brotliDecompressSync },
      { accept: 'gzip', encoding: 'gzip', decode: gunzipSync },
      { accept: 'br;q=0, gzip;q=0.5', encoding: 'gzip', decode: gunzipSync },
      { accept: 'identity', encoding: undefined, decode: (body: Buffer) => body },
      { accept: '', encoding: undefined, decode: (body: Buffer) => body },
    ];
    for (const { accept, encoding, decode } of cases) {
      const response = await rawGet(url, accept ? { 'accept-encoding': accept } : {});
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers['cache-control']).toMatch(/immutable/);
      expect(Number(response.headers['content-length'])).toBe(response.body.length);
      expect(decode(response.body)).toEqual(web.script);
    }
    // A revalidation answers for the same representation, still saying what it varies on.
    const first = await rawGet(url, { 'accept-encoding': 'br' });
    const again = await rawGet(url, { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.headers.vary).toMatch(/accept-encoding/i);
  });

  it('compresses a large API answer for a client that accepts it, and leaves small ones alone', async () => {
    const url = trpcGet(server.url, 'post.search', { city: 'Reno' });
    const plain = await rawGet(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    for (const [accept, encoding, decode] of [
      ['br, gzip', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const response = await rawGet(url, { 'accept-encoding': accept });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toMatch(/trpc-accept.*accept-encoding/i);
      expect(Number(response.headers['content-length'])).toBe(response.body.length);
      expect(response.body.length).toBeLessThan(plain.body.length / 2);
      const { result } = JSON.parse(decode(response.body).toString()) as { result: { data: SuperJSONResult } };
      expect(superjson.deserialize<{ items: unknown[] }>(result.data).items).toHaveLength(12);
    }

    const small = await rawGet(trpcGet(server.url, 'auth.me', undefined), { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('compresses a batch as one answer', async () => {
    const input = encodeURIComponent(
      JSON.stringify({ 0: superjson.serialize({ city: 'Reno' }), 1: superjson.serialize({ city: 'Reno' }) }),
    );
    const response = await rawGet(`${server.url}/trpc/post.search,post.search?batch=1&input=${input}`, { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(response.body).toString())).toHaveLength(2);
  });

  it('never compresses an event stream', async () => {
    const { cookie } = await signUp(server.url);
    const controller = new AbortController();
    const response = await fetch(eventsUrl(server.url), {
      headers: { cookie, accept: 'text/event-stream', 'accept-encoding': 'br, gzip' },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('content-encoding')).toBeNull();
    controller.abort();
  });
});
