import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { appRouter, createContext, type FileStorage, RateLimited, type RateLimits } from '@estate/api';
import { MAX_BATCH_CALLS } from '@estate/api/schemas';
import type { PrismaClient } from '@estate/db';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { clientIp, isSecure } from './client-ip.js';

export const TRPC_ENDPOINT = '/trpc';
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A batch with too many calls, refused before any runs: 400 with a tRPC error for each call
 * (the shape tRPC's clients read), so each says why.
 */
function refuseBatch(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (url.searchParams.get('batch') !== '1') return false;
  const paths = decodeURIComponent(url.pathname.slice(TRPC_ENDPOINT.length + 1)).split(',');
  if (paths.length <= MAX_BATCH_CALLS) return false;
  const message = `Too many calls in one request: at most ${MAX_BATCH_CALLS} may be batched (this one has ${paths.length}).`;
  const errors = paths.map((path) => ({
    error: { json: { message, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, path } } },
  }));
  res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(errors));
  req.resume();
  return true;
}

/**
 * The request as a fetch Request, whose signal aborts when the client leaves before the
 * answer is complete, or on `abort()`. tRPC's own conversion aborts it when every response
 * closes, finished or not, which creates an AbortError per request (a measurable share of the
 * server's time); it is handed a stand-in response that closes only early.
 */
function toRequest(req: IncomingMessage, res: ServerResponse): { request: Request; abort: () => void } {
  const closedEarly = new EventEmitter();
  const abort = () => closedEarly.emit('close');
  res.once('close', () => {
    if (!res.writableFinished) abort();
  });
  return { request: incomingMessageToRequest(req, closedEarly as unknown as ServerResponse, { maxBodySize: MAX_BODY_BYTES }), abort };
}

/**
 * Writes a fetch Response to Node's response: a streamed one (SSE) as it comes, any other in
 * one write, with its length. A stream ends when the server stops (`shutdown`): its
 * subscription is aborted and the response ends without tRPC's "return" event, so the client
 * reconnects (to another process, or to this one restarted) and resumes from its last event.
 */
async function writeResponse(res: ServerResponse, response: Response, shutdown: AbortSignal, abort: () => void): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body) {
    res.end();
    return;
  }
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    const body = Buffer.from(await response.arrayBuffer());
    res.setHeader('content-length', body.length);
    res.end(body);
    return;
  }
  shutdown.addEventListener('abort', abort, { once: true });
  if (shutdown.aborted) abort();
  // Read and written by hand: a Node stream wrapped around the web one, and a pipeline, cost
  // each open stream 9 KB more (72 KB instead of 63 KB per idle chat stream, bench:chat).
  const reader = response.body.getReader();
  const closed = new Promise<void>((resolve) => res.once('close', resolve));
  // A client closing its stream (leaving the page) is how streams usually end: the stream is cancelled.
  void closed.then(() => reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!res.write(value)) await Promise.race([new Promise((resolve) => res.once('drain', resolve)), closed]);
    }
    res.end();
  } catch (error) {
    if (!res.destroyed) throw error;
  } finally {
    shutdown.removeEventListener('abort', abort);
  }
}

/**
 * Serves the tRPC router through its fetch adapter, so procedures see a standard Request
 * and add response headers (cookies) through `resHeaders`, the same in tests as here.
 */
export function createTrpcHandler(options: {
  prisma: PrismaClient;
  trustProxy: number;
  trustedOrigins: readonly string[];
  storage: FileStorage;
  rateLimits?: Partial<RateLimits>;
  /** Aborts when the server stops: open event streams end then. */
  shutdown: AbortSignal;
}) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (refuseBatch(req, res, new URL(req.url ?? '/', 'http://estate'))) return;
    const { request, abort } = toRequest(req, res);
    const response = await fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req: request,
      router: appRouter,
      createContext: ({ req: fetchReq, resHeaders }) =>
        createContext({
          prisma: options.prisma,
          req: fetchReq,
          resHeaders,
          clientIp: clientIp(req, options.trustProxy),
          secure: isSecure(req, options.trustProxy),
          trustedOrigins: options.trustedOrigins,
          storage: options.storage,
          ...(options.rateLimits && { rateLimits: options.rateLimits }),
        }),
      responseMeta({ errors }) {
        // Standard HTTP clients and proxies understand Retry-After on 429.
        const limited = errors.find((error) => error.code === 'TOO_MANY_REQUESTS');
        const retryAfter = limited?.cause instanceof RateLimited ? limited.cause.retryAfterSeconds : null;
        return retryAfter === null ? {} : { headers: new Headers({ 'retry-after': String(retryAfter) }) };
      },
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc] ${path ?? '?'} failed:`, error.cause ?? error);
      },
    });
    await writeResponse(res, response, options.shutdown, abort);
  };
}
