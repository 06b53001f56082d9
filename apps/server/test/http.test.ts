import { readdirSync } from 'node:fs';
import { type Db, DEMO_IMAGE_URL_PREFIX, demoImagesDir } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import superjson, { type SuperJSONResult } from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { boiseRental, tempStorage, webFixture } from './fixtures.js';
import { errorOf, mutate, query, signUp } from './trpc-http.js';

const config = { webDistDir: webFixture(), trustProxy: 0, logRequests: false, trustedOrigins: [] };

describe.each(testDbKinds())('the server over HTTP on %s', (kind) => {
  let db: Db;
  let server: RunningServer;

  beforeAll(async () => {
    db = await createTestDb(kind);
    const user = await db.prisma.user.create({ data: { email: 'http@example.com', username: 'http_user', passwordHash: 'x' } });
    await boiseRental(db.prisma, user.id, { title: 'Loft by the river', price: 2100 });
    server = await startServer({ prisma: db.prisma, storage: tempStorage(), config, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close(1000);
    await db.close();
  });

  it('answers /healthz when the database does', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves tRPC queries with superjson', async () => {
    const response = await query(server.url, 'post.search', { city: 'BOISE' });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { data: SuperJSONResult } };
    const body = superjson.deserialize<{ items: Array<{ title: string; createdAt: Date }> }>(result.data);
    expect(body.items.map((item) => item.title)).toEqual(['Loft by the river']);
    expect(body.items[0]?.createdAt).toBeInstanceOf(Date);
  });

  it('answers bad input with 400 and the message of each field', async () => {
    const response = await query(server.url, 'post.search', { minPrice: 10, maxPrice: 1 });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { json: { data: Record<string, unknown> } } };
    expect(error.json.data.code).toBe('BAD_REQUEST');
    expect(error.json.data.zodError).toMatchObject({ fieldErrors: { maxPrice: ['Maximum price must be at least the minimum price'] } });
    expect(error.json.data.stack).toBeUndefined();
  });

  it('refuses a listing with every field wrong with 400, a message for each field, and nothing written', async () => {
    const { cookie } = await signUp(server.url);
    const before = await db.prisma.post.count();
    const response = await mutate(
      server.url,
      'post.create',
      {
        title: 'Flat',
        price: 12.5,
        images: [],
        address: '   ',
        city: 'x'.repeat(101),
        bedroom: 51,
        bathroom: -1,
        latitude: 91,
        longitude: -181,
        type: 'lease',
        property: 'castle',
        detail: { desc: '', size: 0, school: -5, utilities: 'u'.repeat(201) },
      },
      { cookie },
    );
    expect(response.status).toBe(400);
    const { data } = await errorOf(response);
    expect(data.code).toBe('BAD_REQUEST');
    const { fieldErrors } = (data as unknown as { zodError: { fieldErrors: Record<string, string[]> } }).zodError;
    expect(Object.keys(fieldErrors).sort()).toEqual(
      [
        'title',
        'price',
        'images',
        'address',
        'city',
        'bedroom',
        'bathroom',
        'latitude',
        'longitude',
        'type',
        'property',
        'detail.desc',
        'detail.size',
        'detail.school',
        'detail.utilities',
      ].sort(),
    );
    expect(Object.values(fieldErrors).every((messages) => messages.length > 0 && messages.every(Boolean))).toBe(true);
    expect(await db.prisma.post.count()).toBe(before);
  });

  it('refuses a batch of more than 10 calls before running any, with a 400 for each', async () => {
    const batch = (calls: number) => {
      const paths = Array.from({ length: calls }, () => 'post.search').join(',');
      const input = Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, superjson.serialize({ city: 'boise' })]));
      return fetch(`${server.url}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
    };
    const ten = await batch(10);
    expect(ten.status).toBe(200);
    expect(((await ten.json()) as unknown[]).length).toBe(10);
    const eleven = await batch(11);
    expect(eleven.status).toBe(400);
    const errors = (await eleven.json()) as Array<{ error: { json: { message: string; data: { code: string } } } }>;
    expect(errors).toHaveLength(11);
    expect(errors[0]?.error.json).toMatchObject({
      message: 'Too many calls in one request: at most 10 may be batched (this one has 11).',
      data: { code: 'BAD_REQUEST' },
    });
    const post = await fetch(`${server.url}/trpc/${Array(120).fill('auth.logout').join(',')}?batch=1`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(400);
  });

  it('answers 404 for a procedure that does not exist', async () => {
    const response = await fetch(`${server.url}/trpc/post.nope`);
    expect(response.status).toBe(404);
  });

  it('serves the web app, with the SPA fallback for client routes', async () => {
    for (const route of ['/', '/search?city=Boise', '/posts/123']) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status, route).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toContain('<div id="root">');
    }
    const asset = await fetch(`${server.url}/assets/app-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log("app")');
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves demo images, and 404 for one that does not exist', async () => {
    const [file] = readdirSync(demoImagesDir);
    const image = await fetch(`${server.url}${DEMO_IMAGE_URL_PREFIX}${file}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
    expect(image.headers.get('content-security-policy')).toContain("default-src 'none'");
    const missing = await fetch(`${server.url}${DEMO_IMAGE_URL_PREFIX}nope.svg`);
    expect(missing.status).toBe(404);
    const traversal = await fetch(`${server.url}${DEMO_IMAGE_URL_PREFIX}..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
  });
});

describe('the server without its database', () => {
  it('answers /healthz with 503', async () => {
    const db = await createTestDb('pglite');
    const server = await startServer({ prisma: db.prisma, storage: tempStorage(), config, port: 0, host: '127.0.0.1' });
    await db.close();
    try {
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(503);
    } finally {
      await server.close(1000);
    }
  });
});
