import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import {
  appRouter,
  type CallTiming,
  type Context,
  createCaller,
  createContext,
  type FileStorage,
  RateLimited,
  type RateLimits,
} from '@estate/api';
import { MAX_BATCH_CALLS } from '@estate/api/schemas';
import type { PrismaClient } from '@estate/db';
import type { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createURL, incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { clientIp, isSecure } from './client-ip.js';
import { compress, MIN_COMPRESSED_BYTES, preferredEncoding, varyOn } from './compression.js';
import type { Logger } from './logger.js';
import { type QueryRequest, queryAnswers } from './trpc-queries.js';
import { setHeaders, subscriptionStreams } from './trpc-sse.js';

export const TRPC_ENDPOINT = '/trpc';
const MAX_BODY_BYTES = 1024 * 1024;

const trimSlashes = (path: string) => path.replace(/^\//, '').replace(/\/$/, '');

/** The procedure path (or a batch's paths) of a request, as tRPC's fetch adapter reads it; null if it is not URI-encoded properly. */
function procedurePath(url: URL): string | null {
  try {
    return decodeURIComponent(trimSlashes(trimSlashes(url.pathname).slice(trimSlashes(TRPC_ENDPOINT).length)));
  } catch {
    return null;
  }
}

/**
 * A batch with too many calls, refused before any runs: 400 with a tRPC error for each call
 * (the shape tRPC's clients read), so each says why.
 */
function refuseBatch(req: IncomingMessage, res: ServerResponse, url: URL, path: string, requestId: string): boolean {
  if (url.searchParams.get('batch') !== '1') return false;
  const paths = path.split(',');
  if (paths.length <= MAX_BATCH_CALLS) return false;
  const message = `Too many calls in one request: at most ${MAX_BATCH_CALLS} may be batched (this one has ${paths.length}).`;
  const errors = paths.map((path) => ({
    error: { json: { message, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, path, requestId } } },
  }));
  res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(errors));
  req.resume();
  return true;
}

/**
 * A POST as a fetch Request, its body read up to MAX_BODY_BYTES, its signal aborted if the client
 * leaves before the answer is complete. tRPC's own conversion aborts it when every response
 * closes, finished or not, which creates an AbortError per request (a measurable share of the
 * server's time); it is handed a stand-in response that closes only early.
 */
function withBody(req: IncomingMessage, res: ServerResponse): Request {
  const closedEarly = new EventEmitter();
  res.once('close', () => {
    if (!res.writableFinished) closedEarly.emit('close');
  });
  return incomingMessageToRequest(req, closedEarly as unknown as ServerResponse, { maxBodySize: MAX_BODY_BYTES });
}

/**
 * A GET as a fetch Request, with no signal and no body: queries are not cut short when their
 * client leaves, and an event stream has a signal of its own (trpc-sse.ts). tRPC's conversion
 * made each a signal and a close listener, a measurable share of a search's server time.
 */
function headersOnly(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) for (const one of [value ?? []].flat()) headers.append(name, one);
  return new Request(createURL(req), { headers });
}

/**
 * Writes a fetch Response: whole, as `writeBody` does, unless tRPC streams it (a batch for
 * httpBatchStreamLink, sent chunked as its calls finish: Node frames the chunks, as its header asks).
 */
export async function writeResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  setHeaders(res, response.headers);
  if (!response.body) {
    res.end();
  } else if (response.headers.get('transfer-encoding') === 'chunked') {
    // A client that leaves ends the stream early: nothing to report.
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res).catch(() => {});
  } else {
    await writeBody(req, res, Buffer.from(await response.arrayBuffer()));
  }
}

/** Writes a whole answer in one write, with its length; one of 1 KB or more compressed when the client accepts it. */
async function writeBody(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  if (body.length >= MIN_COMPRESSED_BYTES) {
    res.setHeader('vary', varyOn(res.getHeader('vary'), 'accept-encoding'));
    const encoding = preferredEncoding(req.headers['accept-encoding']);
    if (encoding) {
      body = await compress(body, encoding);
      res.setHeader('content-encoding', encoding);
    }
  }
  res.setHeader('content-length', body.length);
  res.end(body);
}

/** Standard HTTP clients and proxies understand Retry-After on 429: sent when a call was refused for going too fast. */
function retryAfter(errors: readonly TRPCError[]): string | null {
  const limited = errors.find((error) => error.code === 'TOO_MANY_REQUESTS');
  return limited?.cause instanceof RateLimited ? String(limited.cause.retryAfterSeconds) : null;
}

/**
 * Serves the tRPC router through its fetch adapter, so procedures see a standard Request
 * and add response headers (cookies) through `resHeaders`, the same in tests as here.
 * GETs of queries are answered by trpc-queries.ts instead, and subscriptions' event streams by
 * trpc-sse.ts, in tRPC's formats.
 */
export function createTrpcHandler(options: {
  prisma: PrismaClient;
  trustProxy: number;
  trustedOrigins: readonly string[];
  storage: FileStorage;
  rateLimits?: Partial<RateLimits>;
  /** Aborts when the server stops: open event streams end then. */
  shutdown: AbortSignal;
  logger: Logger;
  /** Hears each procedure call (the metrics). */
  onCall?: ((call: CallTiming) => void) | undefined;
}) {
  const { logger } = options;
  const contextFor = (req: IncomingMessage, request: Request, resHeaders: Headers, requestId: string) =>
    createContext({
      requestId,
      log: logger.child({ requestId }),
      ...(options.onCall && { onCall: options.onCall }),
      prisma: options.prisma,
      req: request,
      resHeaders,
      clientIp: clientIp(req, options.trustProxy),
      secure: isSecure(req, options.trustProxy),
      trustedOrigins: options.trustedOrigins,
      storage: options.storage,
      ...(options.rateLimits && { rateLimits: options.rateLimits }),
    });
  const logError = (error: TRPCError, path: string | undefined, requestId: string | null) => {
    if (error.code === 'INTERNAL_SERVER_ERROR')
      logger.error({ requestId, path, err: error.cause ?? error }, `[trpc] ${path ?? '?'} failed`);
  };

  /** A GET of queries, answered with the headers tRPC's fetch adapter sends (trpc-queries.ts). */
  const answerQueries = async (req: IncomingMessage, res: ServerResponse, request: QueryRequest, requestId: string) => {
    const resHeaders = new Headers();
    const { status, body, errors } = await queries.answer(
      request,
      () => contextFor(req, headersOnly(req), resHeaders, requestId),
      (error, path) => logError(error, path, requestId),
    );
    res.statusCode = status;
    res.setHeader('vary', 'trpc-accept, accept');
    res.setHeader('content-type', 'application/json');
    const seconds = retryAfter(errors);
    if (seconds !== null) res.setHeader('retry-after', seconds);
    setHeaders(res, resHeaders);
    await writeBody(req, res, Buffer.from(body));
  };

  /** Serves tRPC for one request, whose id `requestId` its context, errors and log lines carry. */
  const handler = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://estate');
    const path = procedurePath(url);
    if (path !== null && refuseBatch(req, res, url, path, requestId)) return;
    const queryRequest = path === null ? null : await queries.request(req, url, path);
    if (queryRequest) return answerQueries(req, res, queryRequest, requestId);
    if (path !== null && (await streams.handles(req, url, path))) {
      return streams.serve(req, res, url, path, (resHeaders) => contextFor(req, headersOnly(req), resHeaders, requestId));
    }
    const response = await fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req: req.method === 'GET' || req.method === 'HEAD' ? headersOnly(req) : withBody(req, res),
      router: appRouter,
      createContext: ({ req: fetchReq, resHeaders }) => contextFor(req, fetchReq, resHeaders, requestId),
      responseMeta({ errors }) {
        const seconds = retryAfter(errors);
        return seconds === null ? {} : { headers: new Headers({ 'retry-after': seconds }) };
      },
      onError: ({ error, path }) => logError(error, path, requestId),
    });
    await writeResponse(req, res, response);
  };
  const queries = queryAnswers<Context>(appRouter);
  // An event stream's errors are logged with the id of the request that opened it.
  const streams = subscriptionStreams<Context>({
    router: appRouter,
    shutdown: options.shutdown,
    onError: (error, path, ctx) => logError(error, path, ctx?.requestId ?? null),
  });
  /** The router called directly as this request's user (the web app's pages that carry their first data). */
  const callerFor = async (req: IncomingMessage, requestId: string, resHeaders: Headers) =>
    createCaller(await contextFor(req, headersOnly(req), resHeaders, requestId));
  return Object.assign(handler, { openStreams: streams.openCount, callerFor });
}
