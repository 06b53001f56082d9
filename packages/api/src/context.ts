import { randomUUID } from 'node:crypto';
import { consoleLogger, type Logger, type PrismaClient } from '@estate/db';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setSessionCookie } from './auth/cookies.js';
import { defaultRateLimits, type RateLimits } from './auth/rate-limit.js';
import { resolveSession } from './auth/session.js';
import type { FileStorage } from './uploads/storage.js';

export interface CreateContextOptions {
  prisma: PrismaClient;
  /** The incoming request (tRPC's fetch adapter, or one built by a test). */
  req: Request;
  /** Headers to add to the response, e.g. cookies. */
  resHeaders: Headers;
  /** The client's address as the server determined it (behind a proxy: from X-Forwarded-For). */
  clientIp: string;
  /** The client reached us over HTTPS, directly or through a trusted proxy: cookies get `Secure`. */
  secure: boolean;
  /** Origins besides the app's own allowed to send mutations (e.g. a separate front-end host). */
  trustedOrigins?: readonly string[];
  /** Overrides some of the default limits (tests use small ones). */
  rateLimits?: Partial<RateLimits>;
  /** Where uploaded photos are kept (deleting a listing deletes its unused photos). */
  storage: FileStorage;
  /** The time, for sessions and rate limits (tests move it instead of waiting). */
  clock?: () => Date;
  /** The id the server gave this request (sent back in X-Request-Id and in error responses); made here if not given. */
  requestId?: string;
  /** Where procedures report failures that do not fail the request (the server's logger, tagged with the request id). */
  log?: Logger;
  /** Hears each procedure call once it is done (the server's metrics); unset, calls are not timed. */
  onCall?: (call: CallTiming) => void;
}

export interface CallTiming {
  /** The procedure, e.g. `post.search`. */
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  durationMs: number;
  /** 'OK', or the tRPC error code. */
  code: string;
}

/** The session cookie's token and its live session (null when signed out), from a Cookie header. */
export async function sessionFromCookie(prisma: PrismaClient, cookieHeader: string | null, now: Date) {
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  return { token, session: token ? await resolveSession(prisma, token, now) : null };
}

/** Everything a procedure may use; built once per request, signed-in user included. */
export async function createContext(opts: CreateContextOptions) {
  const { req, resHeaders, secure } = opts;
  const clock = opts.clock ?? (() => new Date());
  const { token, session } = await sessionFromCookie(opts.prisma, req.headers.get('cookie'), clock());
  if (token && !session) clearSessionCookie(opts);
  if (token && session?.refreshed) setSessionCookie(opts, token);

  return {
    prisma: opts.prisma,
    req,
    resHeaders,
    clientIp: opts.clientIp,
    secure,
    /** scheme://host the browser used to reach us. */
    ownOrigin: `${secure ? 'https' : 'http'}://${new URL(req.url).host}`,
    trustedOrigins: opts.trustedOrigins ?? [],
    rateLimits: { ...defaultRateLimits, ...opts.rateLimits } satisfies RateLimits,
    now: clock,
    storage: opts.storage,
    user: session?.user ?? null,
    sessionId: session?.id ?? null,
    requestId: opts.requestId ?? randomUUID(),
    log: opts.log ?? consoleLogger,
    onCall: opts.onCall,
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
