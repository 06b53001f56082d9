import { appRouter, createContext } from '@estate/api';
import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { apiOnlyConfig, boiseRental, tempStorage } from './fixtures.js';
import { signUp } from './trpc-http.js';

// The server answers GETs of queries itself (trpc-queries.ts), for speed. Each request here is
// sent to the server and to tRPC's own fetch adapter over the same database, with the same
// request id; the answers must be the same: status, body byte for byte, and tRPC's headers.

/** The headers tRPC's answers carry (the server adds its own: security, length, the request id). */
const TRPC_HEADERS = ['content-type', 'vary', 'set-cookie', 'retry-after', 'cache-control', 'content-encoding'];

async function comparable(response: Response) {
  const headers = Object.fromEntries(
    TRPC_HEADERS.map((name) => [name, name === 'set-cookie' ? response.headers.getSetCookie() : response.headers.get(name)]),
  );
  // The server also varies on the encoding it may compress with; the client here accepts none.
  if (typeof headers.vary === 'string') headers.vary = headers.vary.replace(/, accept-encoding$/, '');
  return { status: response.status, headers, body: await response.text() };
}

const input = (value: unknown) => encodeURIComponent(JSON.stringify(superjson.serialize(value)));
const batchInput = (values: Record<number, unknown>) =>
  encodeURIComponent(
    JSON.stringify(Object.fromEntries(Object.entries(values).map(([index, value]) => [index, superjson.serialize(value)]))),
  );

describe.each(testDbKinds())('GETs of queries answered as tRPC answers them, on %s', (kind) => {
  let db: Db;
  let server: RunningServer;
  const storage = tempStorage();
  let postId = '';
  let cookie = '';
  let requests = 0;

  /** The server's answer and tRPC's to the same request. */
  async function both(target: string, headers: Record<string, string> = {}) {
    const requestId = `same-${requests++}`;
    const sent = { ...headers, 'x-request-id': requestId, 'accept-encoding': 'identity' };
    const answer = await fetch(`${server.url}${target}`, { headers: sent });
    const trpc = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request(`${server.url}${target}`, { headers: sent }),
      router: appRouter,
      createContext: ({ req, resHeaders }) =>
        createContext({ prisma: db.prisma, req, resHeaders, clientIp: '127.0.0.1', secure: false, storage, requestId }),
    });
    return { server: await comparable(answer), trpc: await comparable(trpc) };
  }

  beforeAll(async () => {
    db = await createTestDb(kind);
    server = await startServer({ prisma: db.prisma, storage, config: apiOnlyConfig, port: 0, host: '127.0.0.1' });
    const user = await db.prisma.user.create({ data: { email: 'queries@example.com', username: 'queries_user', passwordHash: 'x' } });
    postId = (await boiseRental(db.prisma, user.id, { title: 'Loft by the river', price: 2100 })).id;
    await boiseRental(db.prisma, user.id, { title: 'Garden flat', price: 1700 });
    cookie = (await signUp(server.url)).cookie;
  });
  afterAll(async () => {
    await server.close(1000);
    await db.close();
  });

  const answeredByTheServer: Array<[string, () => [string, Record<string, string>?]]> = [
    ['a query', () => [`/trpc/post.search?input=${input({ city: 'boise', sort: 'price_asc' })}`]],
    ['a query without input', () => ['/trpc/auth.me']],
    ['a query of a listing', () => [`/trpc/post.byId?input=${input({ id: postId })}`]],
    [
      'a batch',
      () => [`/trpc/post.search,auth.me,post.cities?batch=1&input=${batchInput({ 0: { city: 'Boise', limit: 1 }, 2: { prefix: 'bo' } })}`],
    ],
    ['a batch with no input at all, one call refused (207)', () => ['/trpc/auth.me,savedSearch.list?batch=1']],
    [
      'a batch where one call fails (207)',
      () => [`/trpc/post.search,post.search?batch=1&input=${batchInput({ 0: { city: 'Boise' }, 1: { minPrice: 10, maxPrice: 1 } })}`],
    ],
    ['bad input, with each field named (400)', () => [`/trpc/post.search?input=${input({ minPrice: 10, maxPrice: 1, limit: 0 })}`]],
    ['a query that needs a session, signed out (401)', () => ['/trpc/savedPost.list']],
    ['a listing that does not exist (404)', () => [`/trpc/post.byId?input=${input({ id: '00000000-0000-4000-8000-000000000000' })}`]],
    ['signed in', () => ['/trpc/auth.me,savedPost.list?batch=1', { cookie }]],
    [
      'a session cookie that is not percent-encoding: signed out, and cleared',
      () => ['/trpc/auth.me', { cookie: 'estate_session=%E0%A4%A' }],
    ],
    ['a session that does not exist: signed out, and cleared', () => ['/trpc/auth.me', { cookie: `estate_session=${'x'.repeat(43)}` }]],
  ];
  const leftToTrpc: Array<[string, () => [string, Record<string, string>?]]> = [
    ['a path with no procedure (404)', () => ['/trpc/post.nothing']],
    ['a batch with a path with no procedure', () => ['/trpc/auth.me,post.nothing?batch=1']],
    ['a GET of a mutation (405)', () => ['/trpc/auth.logout']],
    ['a batch of a query and a mutation', () => ['/trpc/auth.me,auth.logout?batch=1']],
    ['input that is not JSON', () => ['/trpc/post.search?input=%7Bcity']],
    ['a batch whose input is not an object', () => [`/trpc/auth.me?batch=1&input=${encodeURIComponent('[1]')}`]],
    [
      'input superjson cannot read',
      () => [`/trpc/post.search?input=${encodeURIComponent('{"json":{},"meta":{"values":{"city":["nonsense"]}}}')}`],
    ],
    ['a streamed batch (httpBatchStreamLink)', () => ['/trpc/auth.me,savedSearch.list?batch=1', { 'trpc-accept': 'application/jsonl' }]],
  ];

  it.each(answeredByTheServer)('%s', async (_, request) => {
    const [target, headers] = request();
    const { server: answer, trpc } = await both(target, headers);
    expect(answer).toEqual(trpc);
  });

  it.each(leftToTrpc)('%s (left to tRPC)', async (_, request) => {
    const [target, headers] = request();
    const { server: answer, trpc } = await both(target, headers);
    expect(answer).toEqual(trpc);
  });

  it('answers a HEAD as its GET, without the body', async () => {
    const target = `/trpc/post.search?input=${input({ city: 'boise' })}`;
    const head = await fetch(`${server.url}${target}`, {
      method: 'HEAD',
      headers: { 'x-request-id': 'head', 'accept-encoding': 'identity' },
    });
    const get = await both(target);
    expect(await comparable(head)).toEqual({ ...get.trpc, body: '' });
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(get.trpc.body)));
  });
});
