import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Prisma, PrismaClient } from '@estate/db';
import { ZodError, z } from 'zod';
import { createCaller, createContext, diskStorage, type RateLimits } from '../src/index.js';

type Caller = ReturnType<typeof createCaller>;

/** Uploaded files of this test file's browsers. */
export const testStorageDir = mkdtempSync(path.join(tmpdir(), 'estate-uploads-'));
const storage = diskStorage(testStorageDir);

export interface BrowserOptions {
  ip?: string;
  origin?: string | null;
  secure?: boolean;
  rateLimits?: Partial<RateLimits>;
  trustedOrigins?: string[];
  headers?: Record<string, string>;
}

/** The context of one request as a browser with these options (and cookies) sends it, through the real createContext. */
function requestContext(prisma: PrismaClient, options: BrowserOptions, cookie: string, resHeaders: Headers) {
  const origin = options.origin === undefined ? 'http://localhost' : options.origin;
  const headers = new Headers(options.headers);
  if (origin) headers.set('origin', origin);
  if (cookie) headers.set('cookie', cookie);
  return createContext({
    prisma,
    req: new Request('http://localhost/trpc', { method: 'POST', headers }),
    resHeaders,
    clientIp: options.ip ?? '127.0.0.1',
    secure: options.secure ?? false,
    storage,
    ...(options.rateLimits && { rateLimits: options.rateLimits }),
    ...(options.trustedOrigins && { trustedOrigins: options.trustedOrigins }),
  });
}

/**
 * A browser as the server sees it: every call is a new request, carrying the cookies
 * earlier responses set.
 */
export function browser(prisma: PrismaClient, options: BrowserOptions = {}) {
  const jar = new Map<string, string>();
  const state = { setCookies: [] as string[] };
  return {
    get cookie() {
      return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
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
    async call<T>(fn: (caller: Caller) => Promise<T>): Promise<T> {
      const resHeaders = new Headers();
      const ctx = await requestContext(prisma, options, this.cookie, resHeaders);
      try {
        return await fn(createCaller(ctx));
      } finally {
        state.setCookies = resHeaders.getSetCookie();
        for (const setCookie of state.setCookies) {
          const [pair = ''] = setCookie.split(';');
          const [name = '', ...value] = pair.split('=');
          const maxAge = /Max-Age=(\d+)/.exec(setCookie)?.[1];
          if (maxAge === '0') jar.delete(name);
          else jar.set(name, value.join('='));
        }
      }
    },
  };
}

export type Browser = ReturnType<typeof browser>;

/** A caller as a browser with no cookies would be, for calls that set none. */
export async function anonymousCaller(prisma: PrismaClient) {
  return createCaller(await requestContext(prisma, {}, '', new Headers()));
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

/** The flattened zod field errors of a rejected call (as the error formatter sends them). */
export async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string[] | undefined>> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  const cause = (error as { cause?: unknown }).cause;
  if (!(cause instanceof ZodError)) throw new Error(`expected a validation error, got ${String(error)}`);
  return z.flattenError(cause).fieldErrors as Record<string, string[] | undefined>;
}
