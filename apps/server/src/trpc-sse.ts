import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AnyTRPCRouter, callTRPCProcedure, getTRPCErrorFromUnknown, isTrackedEnvelope, TRPCError } from '@trpc/server';
import {
  getErrorShape,
  getProcedureAtPath,
  isAbortError,
  isAsyncIterable,
  isObject,
  sseHeaders,
} from '@trpc/server/unstable-core-do-not-import';
import { readInputs } from './trpc-queries.js';

// tRPC's subscriptions (httpSubscriptionLink's event streams), written straight to Node's
// response in the format of tRPC's own producer (@trpc/server 11.19, stream/sse.ts). That
// producer takes each stream through three generators, four web streams and a ping timer of
// its own: an idle chat stream cost 63 KB of live memory with it, 14-16 KB without (bench:chat).

/** An event as tRPC's producer frames it: its lines, then a blank line and one more. */
const frame = (event: string | null, data: string, id?: string) =>
  `${event === null ? '' : `event: ${event}\n`}data: ${data}\n${id === undefined ? '' : `id: ${id}\n`}\n\n`;

const PING = frame('ping', '');
const RETURN = frame('return', '');
/** How often the one timer looks for streams that have been quiet for a ping interval. */
const PING_CHECK_MS = 1000;

/** Copies a fetch Headers onto Node's response, each cookie its own Set-Cookie line. */
export function setHeaders(res: ServerResponse, headers: Headers): void {
  for (const [name, value] of headers) if (name !== 'set-cookie') res.setHeader(name, value);
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
}

/** The input with the Last-Event-ID header (or parameter) merged in, as tRPC does for subscriptions. */
function withLastEventId(input: unknown, req: IncomingMessage, url: URL): unknown {
  const lastEventId = req.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? url.searchParams.get('Last-Event-Id');
  if (!lastEventId) return input;
  return isObject(input) ? { ...input, lastEventId } : (input ?? { lastEventId });
}

/** A subscription call, as its errors are shaped and reported. */
interface Call<Ctx> {
  path: string;
  ctx: Ctx | undefined;
  input: unknown;
}

interface Stream {
  res: ServerResponse;
  /** The procedure's signal: aborts when the client leaves or the server stops. */
  stop: AbortController;
  /** performance.now() of the last write, for the pings. */
  lastWrite: number;
}

/** A stream whose signal aborts when its client leaves (made here, so that listener holds nothing else). */
function streamOf(res: ServerResponse): Stream {
  const stream: Stream = { res, stop: new AbortController(), lastWrite: performance.now() };
  res.once('close', () => stream.stop.abort());
  return stream;
}

/** Writes unless the response has ended; false when the client is not keeping up. */
function write(stream: Stream, text: string): boolean {
  if (stream.res.writableEnded || stream.res.destroyed) return true;
  stream.lastWrite = performance.now();
  return stream.res.write(text);
}

export interface SubscriptionOptions<Ctx> {
  router: AnyTRPCRouter;
  /** Aborts when the server stops: every stream ends then, without "return", so clients reconnect and resume. */
  shutdown: AbortSignal;
  /** Hears each error sent; `ctx` is the stream's context, unless making it failed. */
  onError: (error: TRPCError, path: string, ctx: Ctx | undefined) => void;
}

/** Serves the router's subscriptions (whose context is a `Ctx`); one timer pings all their idle streams. */
export function subscriptionStreams<Ctx>({ router, shutdown, onError }: SubscriptionOptions<Ctx>) {
  const config = router._def._config;
  const sse = config.sse ?? {};
  if (sse.enabled === false || sse.maxDurationMs || sse.emitAndEndImmediately) {
    throw new Error('trpc-sse.ts implements neither sse.enabled = false, nor maxDurationMs, nor emitAndEndImmediately');
  }
  const connected = frame('connected', JSON.stringify(sse.client ?? {}));
  const serialize = (value: unknown) => JSON.stringify(config.transformer.output.serialize(value));
  const open = new Set<Stream>();

  const pingMs = sse.ping?.enabled ? (sse.ping.intervalMs ?? 1000) : 0;
  const pinger =
    pingMs > 0
      ? setInterval(
          () => {
            const quietSince = performance.now() - pingMs;
            for (const stream of open) if (stream.lastWrite <= quietSince) write(stream, PING);
          },
          Math.min(PING_CHECK_MS, pingMs),
        ).unref()
      : undefined;
  const end = (stream: Stream) => {
    stream.stop.abort();
    stream.res.end();
  };
  shutdown.addEventListener(
    'abort',
    () => {
      clearInterval(pinger);
      for (const stream of open) end(stream);
    },
    { once: true },
  );

  /** What an error is sent as (tRPC's shape), once `onError` has heard of it. */
  function errorFrame(cause: unknown, call: Call<Ctx>): string {
    const error = getTRPCErrorFromUnknown(cause);
    onError(error, call.path, call.ctx);
    return frame('serialized-error', serialize(getErrorShape({ config, error, type: 'subscription', ...call })));
  }

  /** Sends the events until the end ("return"), an error ("serialized-error") or a stop (nothing more). */
  async function run(stream: Stream, events: AsyncIterator<unknown>, call: Call<Ctx>) {
    try {
      for (;;) {
        const { value, done } = await events.next();
        if (stream.stop.signal.aborted) return;
        if (done) break;
        const data = isTrackedEnvelope(value) ? frame(null, serialize(value[1]), value[0]) : frame(null, serialize(value));
        if (!write(stream, data)) await once(stream.res, 'drain', { signal: stream.stop.signal }).catch(() => {});
      }
      write(stream, RETURN);
    } catch (cause) {
      if (!stream.stop.signal.aborted && !isAbortError(cause)) write(stream, errorFrame(cause, call));
    } finally {
      open.delete(stream);
      stream.res.end();
      await events.return?.();
    }
  }

  return {
    /** How many streams are open now (for the metrics). */
    openCount: () => open.size,

    /**
     * Whether this is a subscription's stream (a GET of one, not batched): the rest is tRPC's, whose
     * answers are whole, so it must see no subscription's GET (it would answer with an endless stream).
     */
    async handles(req: IncomingMessage, url: URL, path: string): Promise<boolean> {
      if (req.method !== 'GET' || url.searchParams.get('batch') === '1') return false;
      return (await getProcedureAtPath(router, path))?._def.type === 'subscription';
    },

    /**
     * Opens the stream of subscription `path`. `createContext` may add response headers (cookies);
     * errors before the first event (no session, a bad input) are sent as events, as tRPC does.
     */
    async serve(
      req: IncomingMessage,
      res: ServerResponse,
      url: URL,
      path: string,
      createContext: (resHeaders: Headers) => Promise<Ctx>,
    ): Promise<void> {
      const stream = streamOf(res);
      const resHeaders = new Headers();
      const call: Call<Ctx> = { path, ctx: undefined, input: undefined };
      let events: AsyncIterator<unknown> | null = null;
      let failure: unknown = null;
      try {
        call.ctx = await createContext(resHeaders);
        const data = await callTRPCProcedure({
          router,
          path,
          ctx: call.ctx,
          type: 'subscription',
          signal: stream.stop.signal,
          batchIndex: 0,
          getRawInput: async () => {
            try {
              [call.input] = readInputs(router, url, 1, false);
            } catch (cause) {
              throw new TRPCError({ code: 'BAD_REQUEST', message: cause instanceof Error ? cause.message : 'Invalid input', cause });
            }
            return withLastEventId(call.input, req, url);
          },
        });
        if (!isAsyncIterable(data)) {
          throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `Subscription ${path} did not return an AsyncGenerator` });
        }
        events = data[Symbol.asyncIterator]();
      } catch (cause) {
        failure = cause;
      }
      // The headers once the context is made (it may set cookies), as tRPC sends them.
      setHeaders(res, resHeaders);
      res.writeHead(200, { ...sseHeaders, vary: 'trpc-accept, accept' });
      write(stream, connected);
      if (!events) {
        res.end(stream.stop.signal.aborted ? undefined : errorFrame(failure, call));
        return;
      }
      open.add(stream);
      if (shutdown.aborted) end(stream);
      // Returned, not awaited: this frame (the request's URL, the context maker) is let go.
      return run(stream, events, call);
    },
  };
}
