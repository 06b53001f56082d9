import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initTRPC, TRPCError, tracked } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { subscriptionStreams } from '../src/trpc-sse.js';

// trpc-sse.ts over real HTTP, with routers of its own: it must write what tRPC's own adapter
// writes (httpSubscriptionLink reads it), ping idle streams, and let go of a stream's
// generator whenever the stream ends.

/** Counts the generators that have run their `finally`; `reached(n)` resolves once n have. */
function finishes() {
  let count = 0;
  const waiting: Array<[number, () => void]> = [];
  return {
    count: () => count,
    one() {
      count += 1;
      for (const [n, resolve] of waiting) if (count >= n) resolve();
    },
    reached: (n: number) => new Promise<void>((resolve) => (count >= n ? resolve() : waiting.push([n, resolve]))),
  };
}

const finished = finishes();
const waitForAbort = (signal: AbortSignal | undefined) => new Promise((resolve) => signal?.addEventListener('abort', resolve));

function routerWith(pingMs: number) {
  const t = initTRPC.context<{ user: string | null }>().create({
    transformer: superjson,
    isDev: false,
    sse: { ping: { enabled: true, intervalMs: pingMs }, client: { reconnectAfterInactivityMs: pingMs * 3 } },
  });
  const signedIn = t.procedure.use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in' });
    return next();
  });
  return t.router({
    /** Two tracked events (any payload, superjson's types too) and one untracked, then the end or a failure. */
    story: t.procedure
      .input(z.object({ lastEventId: z.string().nullish(), fail: z.enum(['session', 'bug']).optional() }).optional())
      .subscription(async function* ({ input }) {
        yield tracked(String(Number(input?.lastEventId ?? 0) + 1), { kind: 'alert', at: new Date(0), big: 10n ** 20n, note: 'a\nb' });
        yield tracked(String(Number(input?.lastEventId ?? 0) + 2), { kind: 'unread', count: 1 });
        yield 'untracked';
        if (input?.fail === 'session') throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your session has ended.' });
        if (input?.fail === 'bug') throw new Error('Something broke');
      }),
    /** One event, then waits for its signal. */
    waits: signedIn.subscription(async function* ({ signal }) {
      try {
        yield tracked('1', 'hello');
        await waitForAbort(signal);
      } finally {
        finished.one();
      }
    }),
    /** Ignores its signal: an event every 20 ms for ever, until it is stopped from outside. */
    chatty: t.procedure.subscription(async function* () {
      try {
        for (let i = 0; ; i++) {
          yield i;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        finished.one();
      }
    }),
  });
}

/** A server of `router`'s subscriptions written by trpc-sse.ts, or, with `own`, by tRPC's standalone adapter. */
async function serve(router: ReturnType<typeof routerWith>, own = false) {
  const shutdown = new AbortController();
  const createContext = async (cookie: string | undefined) => ({ user: cookie ? 'someone' : null });
  const trpc = createHTTPHandler({ router, createContext: ({ req }) => createContext(req.headers.cookie) });
  const streams = subscriptionStreams({ router, shutdown: shutdown.signal, onError: () => {} });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://test');
    const path = url.pathname.slice(1);
    if (own || !(await streams.handles(req, url, path))) return void trpc(req, res);
    void streams.serve(req, res, url, path, () => createContext(req.headers.cookie));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    shutdown: () => shutdown.abort(),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const get = (url: string, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(url, { headers: { accept: 'text/event-stream', ...headers }, ...(signal && { signal }) });

const input = (value: unknown) => `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(value)))}`;

/** Reads a stream's text until `until` is in it (or the stream ends). */
async function readUntil(response: Response, until: (text: string) => boolean): Promise<string> {
  if (!response.body) throw new Error('no body');
  let text = '';
  for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
    text += chunk;
    if (until(text)) break;
  }
  return text;
}

describe('subscription streams written by trpc-sse.ts', () => {
  const quiet = routerWith(60_000);
  let ours: Awaited<ReturnType<typeof serve>>;
  let theirs: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    [ours, theirs] = [await serve(quiet), await serve(quiet, true)];
  });
  afterAll(async () => {
    ours.shutdown();
    await Promise.all([ours.close(), theirs.close()]);
  });

  it.each([
    ['events, then the end', 'story', {}],
    ['resumed by the Last-Event-ID header', 'story', { 'last-event-id': '41' }],
    ['resumed by the input', `story${input({ lastEventId: '7' })}`, {}],
    ['a TRPCError after some events', `story${input({ fail: 'session' })}`, {}],
    ['another error after some events', `story${input({ fail: 'bug' })}`, {}],
    ['refused before any event', 'waits', {}],
    ['a bad input', 'story?input=%7Bnot-json', {}],
    ['an input that fails validation', `story${input({ fail: 'yes' })}`, {}],
  ])('writes what tRPC writes: %s', async (_, path, headers) => {
    const [mine, reference] = await Promise.all([get(`${ours.url}/${path}`, headers), get(`${theirs.url}/${path}`, headers)]);
    expect(mine.status).toBe(reference.status);
    for (const name of ['content-type', 'cache-control', 'x-accel-buffering', 'vary']) {
      expect(mine.headers.get(name), name).toBe(reference.headers.get(name));
    }
    const [body, referenceBody] = await Promise.all([mine.text(), reference.text()]);
    expect(body).toBe(referenceBody);
    expect(body).toMatch(/^event: connected\n/);
  });

  it('lets go of the generator of a stream whose client leaves, waiting or not', async () => {
    const before = finished.count();
    for (const [path, cookie] of [
      ['waits', 'session=1'],
      ['chatty', ''],
    ] as const) {
      const leaving = new AbortController();
      const response = await get(`${ours.url}/${path}`, { cookie }, leaving.signal);
      await readUntil(response, (text) => text.includes('id: 1\n') || text.includes('data: {"json":1}'));
      leaving.abort();
    }
    await finished.reached(before + 2);
  });

  it('ends its streams without "return" when the server stops, and lets go of their generators', async () => {
    const stopping = await serve(quiet);
    const before = finished.count();
    const response = await get(`${stopping.url}/waits`, { cookie: 'session=1' });
    const reading = readUntil(response, () => false);
    stopping.shutdown();
    const body = await reading;
    expect(body).toMatch(/^event: connected\n/);
    expect(body).not.toMatch(/event: return/);
    await finished.reached(before + 1);
    await stopping.close();
  });
});

describe('pings', () => {
  it('pings an idle stream every interval, in tRPC’s format', async () => {
    const server = await serve(routerWith(100));
    try {
      const leaving = new AbortController();
      const response = await get(`${server.url}/waits`, { cookie: 'session=1' }, leaving.signal);
      const text = await readUntil(response, (text) => text.split('event: ping\ndata: \n\n\n').length > 3);
      leaving.abort();
      expect(text).toMatch(
        /^event: connected\ndata: \{"reconnectAfterInactivityMs":300\}\n\n\ndata: \{"json":"hello"\}\nid: 1\n\n\n(event: ping\ndata: \n\n\n)+$/,
      );
    } finally {
      server.shutdown();
      await server.close();
    }
  });
});
