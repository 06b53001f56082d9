import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { type RunningServer, startServer } from '../src/server.js';
import { apiServerOn, tempStorage } from './fixtures.js';
import { eventsUrl, openStream } from './sse.js';
import { errorOf, query, signUp } from './trpc-http.js';

// What an operator sees: request ids in logs and answers, and Prometheus metrics.

const TOKEN = 'metrics-token-for-tests-0123456789';

/** The value of one series in a Prometheus exposition, or null if it is absent. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

const scrape = async (url: string) => {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
};

describe.each(testDbKinds())('request ids and metrics on %s', (kind) => {
  const plain = apiServerOn(kind);
  const lines: Array<Record<string, unknown>> = [];
  let db: Db;
  let server: RunningServer;

  beforeAll(async () => {
    db = await createTestDb(kind);
    server = await startServer({
      prisma: db.prisma,
      storage: tempStorage(),
      config: { webDistDir: null, trustProxy: 0, logRequests: true, trustedOrigins: [], metricsToken: TOKEN },
      logger: createLogger({ destination: { write: (line: string) => void lines.push(JSON.parse(line)) } }),
      poolStats: db.poolStats,
      port: 0,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await server?.close(1000);
    await db?.close();
  });

  const linesOf = (requestId: string) => lines.filter((line) => line.requestId === requestId);

  it("takes the caller's X-Request-Id, sends it back, puts it in the error and on the request's log line", async () => {
    const requestId = `trace-${Date.now()}`;
    const response = await query(server.url, 'post.byId', { id: '00000000-0000-7000-8000-000000000000' }, { 'x-request-id': requestId });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect((await errorOf(response)).data).toMatchObject({ code: 'NOT_FOUND', requestId });
    await expect
      .poll(() => linesOf(requestId))
      .toEqual([
        expect.objectContaining({
          level: 'info',
          method: 'GET',
          status: 404,
          msg: expect.stringMatching(/^GET \/trpc\/post\.byId\?input=.* 404 \d+\.\dms$/),
        }),
      ]);
  });

  it('makes an id of its own for a request without a usable one', async () => {
    for (const given of [undefined, 'has spaces in it', 'x'.repeat(200), 'line\tbreak']) {
      const response = await fetch(`${server.url}/healthz`, { headers: given === undefined ? {} : { 'x-request-id': given } });
      const requestId = response.headers.get('x-request-id') ?? '';
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      await expect.poll(() => linesOf(requestId).map((line) => line.msg)).toEqual([expect.stringMatching(/^GET \/healthz 200 /)]);
    }
    // Every answer has one, the server's own 404s included.
    expect((await fetch(`${server.url}/nowhere`)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('has no /metrics unless METRICS_TOKEN is set', async () => {
    const response = await fetch(`${plain.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/METRICS_TOKEN/);
  });

  it('serves /metrics only with the token', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-of-some-length', TOKEN]) {
      const response = await fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('counts and times calls per procedure, and requests per route', async () => {
    const calls = 'estate_trpc_calls_total{procedure="post.search",type="query",code="OK"}';
    const failures = 'estate_trpc_calls_total{procedure="post.search",type="query",code="BAD_REQUEST"}';
    const timed = 'estate_trpc_call_duration_seconds_count{procedure="post.search",type="query"}';
    const requests = 'estate_http_requests_total{route="trpc",method="GET",status="200"}';
    const before = await scrape(server.url);

    for (let i = 0; i < 3; i++) expect((await query(server.url, 'post.search', { city: 'Boise' })).status).toBe(200);
    expect((await query(server.url, 'post.search', { minPrice: 10, maxPrice: 1 })).status).toBe(400);
    // A procedure that does not exist is counted by route, never as a series of its own.
    expect((await query(server.url, 'no.such.thing', {})).status).toBe(404);

    const after = await scrape(server.url);
    const moved = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect(moved(calls)).toBe(3);
    expect(moved(timed)).toBe(4);
    expect(moved(failures)).toBe(1);
    expect(moved(requests)).toBe(3);
    expect(moved('estate_http_requests_total{route="trpc",method="GET",status="404"}')).toBe(1);
    expect(after).not.toMatch(/no\.such\.thing/);
    expect(sample(after, 'estate_trpc_call_duration_seconds_bucket{le="+Inf",procedure="post.search",type="query"}')).toBe(
      sample(after, timed),
    );
  });

  it('reports the open event streams and the database pool', async () => {
    const { cookie } = await signUp(server.url);
    const stream = await openStream(eventsUrl(server.url), { cookie });
    await stream.next(2);
    expect(sample(await scrape(server.url), 'estate_sse_streams_open')).toBe(1);
    stream.close();
    await expect.poll(async () => sample(await scrape(server.url), 'estate_sse_streams_open')).toBe(0);

    const text = await scrape(server.url);
    if (kind === 'postgres') {
      expect(sample(text, 'estate_db_pool_connections{state="total"}')).toBeGreaterThan(0);
      expect(sample(text, 'estate_db_pool_waiting')).toBe(0);
    } else {
      // PGlite has no pool: no series, rather than zeros that look like one.
      expect(sample(text, 'estate_db_pool_connections{state="total"}')).toBeNull();
    }
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe.each(testDbKinds())('an unexpected failure on %s', (kind) => {
  it('answers with a generic message and the request id, and logs the cause under that id', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const db = await createTestDb(kind);
    const server = await startServer({
      prisma: db.prisma,
      storage: tempStorage(),
      config: { webDistDir: null, trustProxy: 0, logRequests: false, trustedOrigins: [] },
      logger: createLogger({ destination: { write: (line: string) => void lines.push(JSON.parse(line)) } }),
      port: 0,
      host: '127.0.0.1',
    });
    try {
      // The database goes away under the running server.
      await db.close();
      const response = await query(server.url, 'post.search', {});
      expect(response.status).toBe(500);
      const requestId = response.headers.get('x-request-id');
      const error = await errorOf(response);
      expect(error.message).toBe('Something went wrong on our side. Please try again.');
      expect(error.data).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId });
      const logged = lines.filter((line) => line.requestId === requestId);
      expect(logged).toEqual([
        expect.objectContaining({
          level: 'error',
          path: 'post.search',
          msg: '[trpc] post.search failed',
          err: expect.objectContaining({ stack: expect.any(String) }),
        }),
      ]);
    } finally {
      await server.close(1000);
    }
  });
});
