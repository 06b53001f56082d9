import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Prisma, PrismaClient } from '@estate/db';
import { type AnyProcedure, isTrackedEnvelope } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { appRouter, createCaller, createContext, diskStorage, type RateLimits } from '../src/index.js';

export type Caller = ReturnType<typeof createCaller>;

/** Uploaded files of this test file's browsers. */
export const testStorageDir = mkdtempSync(path.join(tmpdir(), 'estate-uploads-'));
const storage = diskStorage(testStorageDir);

/** The time as sessions and rate limits see it, moved by the test instead of waited for. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

const HOUR = 60 * 60_000;
let latest = Date.now();

/**
 * A clock that moves only when told. Each starts an hour past the latest time any earlier
 * clock (or the real one) reached, so time never goes back between tests and the sweeps the
 * server throttles per process (expired rate-limit rows once a minute, sessions once an
 * hour) always run on a new clock's first request.
 */
export function testClock(): TestClock {
  let time = Math.max(latest, Date.now()) + HOUR;
  latest = time;
  return {
    now: () => new Date(time),
    advance(ms) {
      time += ms;
      latest = Math.max(latest, time);
    },
  };
}

/** An address of the documentation range no other browser has, so no two share a rate-limit counter by accident. */
function randomIp(): string {
  const bytes = randomBytes(8);
  return `2001:db8:${[0, 2, 4, 6].map((i) => bytes.readUInt16BE(i).toString(16)).join(':')}::`;
}

export interface BrowserOptions {
  /** The client address; by default one of the browser's own. */
  ip?: string;
  origin?: string | null;
  secure?: boolean;
  rateLimits?: Partial<RateLimits>;
  trustedOrigins?: string[];
  headers?: Record<string, string>;
  clock?: TestClock;
}

/** A response as an HTTP client receives it: the body is the text to search, errors as the error formatter shaped them. */
export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * A browser as the server sees it: every call is a new request through the real
 * createContext, carrying the cookies earlier responses set. `call` goes through a
 * server-side caller; `http` through tRPC's fetch adapter, as the server serves it.
 */
export function browser(prisma: PrismaClient, options: BrowserOptions = {}) {
  const ip = options.ip ?? randomIp();
  const jar = new Map<string, string>();
  const state = { setCookies: [] as string[], received: [] as string[] };

  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

  function headers(extra: Record<string, string> = {}): Headers {
    const origin = options.origin === undefined ? 'http://localhost' : options.origin;
    const result = new Headers({ ...options.headers, ...extra });
    if (origin) result.set('origin', origin);
    if (jar.size > 0) result.set('cookie', cookieHeader());
    return result;
  }

  function context(req: Request, resHeaders: Headers) {
    const { clock } = options;
    return createContext({
      prisma,
      req,
      resHeaders,
      clientIp: ip,
      secure: options.secure ?? false,
      storage,
      ...(clock && { clock: () => clock.now() }),
      ...(options.rateLimits && { rateLimits: options.rateLimits }),
      ...(options.trustedOrigins && { trustedOrigins: options.trustedOrigins }),
    });
  }

  function receive(response: Headers): void {
    state.setCookies = response.getSetCookie();
    state.received.push(...state.setCookies);
    for (const setCookie of state.setCookies) {
      const [pair = ''] = setCookie.split(';');
      const [name = '', ...value] = pair.split('=');
      const maxAge = /Max-Age=(\d+)/.exec(setCookie)?.[1];
      if (maxAge === '0') jar.delete(name);
      else jar.set(name, value.join('='));
    }
  }

  return {
    ip,
    get cookie() {
      return cookieHeader();
    },
    set cookie(header: string) {
      jar.clear();
      for (const part of header.split(';').filter(Boolean)) {
        const [name = '', ...value] = part.trim().split('=');
        jar.set(name, value.join('='));
      }
    },
    /** Set-Cookie headers of the last response. */
    get setCookies() {
      return state.setCookies;
    },
    /** Every Set-Cookie header this browser ever received. */
    get receivedCookies() {
      return state.received;
    },
    /** `signal`: aborts a subscription, as a client leaving does. */
    async call<T>(fn: (caller: Caller) => Promise<T>, signal?: AbortSignal): Promise<T> {
      const resHeaders = new Headers();
      const ctx = await context(new Request('http://localhost/trpc', { method: 'POST', headers: headers() }), resHeaders);
      try {
        return await fn(createCaller(ctx, signal && { signal }));
      } finally {
        receive(resHeaders);
      }
    },
    /**
     * One procedure over HTTP (POST for mutations, GET for the rest, unless `method` says
     * otherwise). `signal` ends a subscription's event stream, whose text is what came until then.
     */
    async http(procedure: string, input?: unknown, method?: 'GET' | 'POST', signal?: AbortSignal): Promise<HttpResponse> {
      // At run time the router's procedures are keyed by their dotted path.
      const type = (appRouter._def.procedures as unknown as Record<string, AnyProcedure | undefined>)[procedure]?._def.type;
      if (!type) throw new Error(`no procedure ${procedure}`);
      const url = `http://localhost/trpc/${procedure}`;
      const encoded = input === undefined ? undefined : JSON.stringify(superjson.serialize(input));
      const req =
        (method ?? (type === 'mutation' ? 'POST' : 'GET')) === 'GET'
          ? new Request(encoded ? `${url}?input=${encodeURIComponent(encoded)}` : url, { headers: headers(), ...(signal && { signal }) })
          : new Request(url, {
              method: 'POST',
              headers: headers({ 'content-type': 'application/json' }),
              ...(encoded && { body: encoded }),
              ...(signal && { signal }),
            });
      const response = await fetchRequestHandler({
        endpoint: '/trpc',
        req,
        router: appRouter,
        createContext: ({ req: fetched, resHeaders }) => context(fetched, resHeaders),
      });
      receive(response.headers);
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
  };
}

export type Browser = ReturnType<typeof browser>;

/** A caller as a browser with no cookies would be, for calls that set none. */
export async function anonymousCaller(prisma: PrismaClient) {
  const resHeaders = new Headers();
  return createCaller(
    await createContext({
      prisma,
      req: new Request('http://localhost/trpc', { method: 'POST', headers: { origin: 'http://localhost' } }),
      resHeaders,
      clientIp: randomIp(),
      secure: false,
      storage,
    }),
  );
}

let counter = 0;
/** Distinct, valid account fields. */
export function newAccount(prefix = 'user') {
  const suffix = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  return { email: `${prefix}.${suffix}@example.com`, username: `${prefix}_${suffix}`, password: `correct horse ${suffix}` };
}

/** Registers through the API, leaving the browser signed in. */
export async function registered(prisma: PrismaClient, options: BrowserOptions = {}, prefix = 'user') {
  const account = newAccount(prefix);
  const b = browser(prisma, options);
  const user = await b.call((api) => api.auth.register(account));
  return { browser: b, user, account };
}

/** A valid post.create input, with `overrides` (valid or not). */
export function newListing(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Bright loft by the river',
    price: 2100,
    images: ['/images/demo/apartment-1.svg', '/images/demo/living-1.svg'],
    address: '5 River Rd',
    city: 'Boise',
    bedroom: 1,
    bathroom: 1,
    latitude: 43.6,
    longitude: -116.2,
    type: 'rent' as const,
    property: 'apartment' as const,
    detail: { desc: 'Big windows over the river.', size: 70, pet: 'Cats welcome' },
    ...overrides,
  };
}

export async function createUser(prisma: PrismaClient, overrides: Partial<Prisma.UserCreateInput> = {}) {
  const suffix = randomUUID().slice(0, 8);
  return prisma.user.create({
    data: { email: `user-${suffix}@example.com`, username: `user_${suffix}`, passwordHash: 'not-a-real-hash', ...overrides },
  });
}

type PostOverrides = Partial<Omit<Prisma.PostUncheckedCreateInput, 'userId'>>;

export async function createPost(prisma: PrismaClient, userId: string, overrides: PostOverrides = {}) {
  const city = overrides.city ?? 'Portland';
  return prisma.post.create({
    data: {
      title: 'Sunny flat',
      price: 1500,
      images: ['/images/demo/a.svg', '/images/demo/b.svg'],
      address: '1 Main St',
      bedroom: 2,
      bathroom: 1,
      latitude: 45.52,
      longitude: -122.68,
      type: 'rent',
      property: 'apartment',
      ...overrides,
      city,
      cityKey: city.toLowerCase(),
      userId,
    },
  });
}

/** The error of a call that must fail. */
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );

/** The messages of a rejected call's input by field path (`title`, `detail.desc`; `` for the whole input), as forms receive them. */
export async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string[] | undefined>> {
  const error = await failure(promise);
  const cause = (error as { cause?: unknown }).cause;
  if (!(cause instanceof ZodError)) throw new Error(`expected a validation error, got ${String(error)}`);
  const messages: Record<string, string[] | undefined> = {};
  for (const issue of cause.issues) {
    const field = issue.path.join('.');
    messages[field] = [...(messages[field] ?? []), issue.message];
  }
  return messages;
}

type Tracked = Awaited<ReturnType<Caller['chat']['events']>> extends AsyncIterable<infer T> ? T : never;

/**
 * chat.events through the caller, as the SSE handler drives it: `take` reads the next events
 * (failing after a timeout), `quiet` checks that nothing more comes, `close` aborts it.
 */
export async function openStream(b: Browser, lastEventId?: string) {
  const controller = new AbortController();
  const iterable = await b.call((api) => api.chat.events(lastEventId === undefined ? undefined : { lastEventId }), controller.signal);
  const iterator = iterable[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<Tracked>> | null = null;
  const next = async (ms: number) => {
    pending ??= iterator.next();
    const result = await Promise.race([pending, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]).catch(
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    if (result === 'timeout') return result;
    pending = null;
    if (result.done) return 'done';
    // A caller gets what the procedure yields, tracked envelopes, where its type says { id, data }.
    const value: unknown = result.value;
    if (!isTrackedEnvelope<Tracked['data']>(value)) throw new Error('expected a tracked event');
    const [id, data] = value;
    return { id, data };
  };
  return {
    async take(count: number, ms = 5000) {
      const events = [];
      while (events.length < count) {
        const event = await next(ms);
        if (typeof event === 'string') throw new Error(`expected ${count} events, got ${events.length}, then ${event}`);
        events.push(event);
      }
      return events;
    },
    /** Resolves with what came within `ms` ('timeout' when nothing did). */
    next,
    close: () => controller.abort(),
  };
}
