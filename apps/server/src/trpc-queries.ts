import type { IncomingMessage } from 'node:http';
import { type AnyTRPCRouter, getTRPCErrorFromUnknown, TRPCError } from '@trpc/server';
import {
  type AnyProcedure,
  getErrorShape,
  getHTTPStatusCode,
  getProcedureAtPath,
  isAsyncIterable,
  isObject,
  isPromise,
  type TRPCResponse,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';

// GETs of queries, answered as tRPC's fetch adapter answers them (@trpc/server 11.19,
// resolveResponse's whole-JSON answers) but without its fetch Request and Response, their web
// streams and its per-call abort signals: a third of a search's server time (bench:search).
// Anything else (streamed batches, subscriptions, unknown paths, mutations, input that does not
// parse) is left to tRPC, whose answers are errors there.

/** One call of a GET: a query procedure and its input. */
export interface QueryCall {
  path: string;
  procedure: AnyProcedure;
  input: unknown;
}

/**
 * The inputs of a GET's `count` calls as tRPC reads them: superjson in `input`, by call index for
 * a batch. Throws when they do not parse (JSON, superjson, or a batch's input that is not an object).
 */
export function readInputs(router: AnyTRPCRouter, url: URL, count: number, batch: boolean): unknown[] {
  const { deserialize } = router._def._config.transformer.input;
  const query = url.searchParams.get('input');
  const inputs: unknown = query ? JSON.parse(query) : undefined;
  if (inputs === undefined) return Array.from({ length: count }, () => undefined);
  if (!batch) return [deserialize(inputs)];
  if (!isObject(inputs)) throw new TypeError('"input" needs to be an object when doing a batch call');
  return Array.from({ length: count }, (_, index) => (inputs[index] === undefined ? undefined : deserialize(inputs[index])));
}

/** Whether a query answered a stream or promises, which only tRPC's streamed batches can send. */
const isDataStream = (data: unknown) =>
  isObject(data) && (isAsyncIterable(data) || Object.values(data).some((value) => isPromise(value) || isAsyncIterable(value)));

/** A GET of queries: a batch (`?batch=1`) or a single call. */
export interface QueryRequest {
  batch: boolean;
  calls: QueryCall[];
}

/** What a GET of queries is answered with: the status, the JSON, and the calls' errors (for headers such as Retry-After). */
export interface QueryAnswer {
  status: number;
  body: string;
  errors: TRPCError[];
}

/** Answers GETs of the router's queries, whose context is a `Ctx`. */
export function queryAnswers<Ctx>(router: AnyTRPCRouter) {
  const config = router._def._config;
  return {
    /** A GET made only of queries (`path` is the request's procedure path), or null when tRPC must answer it. */
    async request(req: IncomingMessage, url: URL, path: string): Promise<QueryRequest | null> {
      const { accept } = req.headers;
      const negotiated = req.headers['trpc-accept'] !== undefined || accept?.includes('application/jsonl');
      // A HEAD is answered as its GET (Node sends no body), as it was when tRPC answered it.
      if ((req.method !== 'GET' && req.method !== 'HEAD') || negotiated || url.searchParams.has('connectionParams')) return null;
      const batch = url.searchParams.get('batch') === '1';
      const paths = batch ? path.split(',') : [path];
      const procedures: AnyProcedure[] = [];
      for (const one of paths) {
        const procedure = await getProcedureAtPath(router, one);
        if (procedure?._def.type !== 'query') return null;
        procedures.push(procedure);
      }
      let inputs: unknown[];
      try {
        inputs = readInputs(router, url, paths.length, batch);
      } catch {
        return null;
      }
      return { batch, calls: procedures.map((procedure, index) => ({ path: paths[index] as string, procedure, input: inputs[index] })) };
    },

    /**
     * Runs the request's calls together, in the context `createContext` makes, and shapes the
     * answer as tRPC does; `onError` hears each call's error.
     */
    async answer(
      { batch, calls }: QueryRequest,
      createContext: () => Promise<Ctx>,
      onError: (error: TRPCError, path: string) => void,
    ): Promise<QueryAnswer> {
      let ctx: Ctx | undefined;
      let contextError: unknown = null;
      try {
        ctx = await createContext();
      } catch (cause) {
        contextError = cause;
      }
      const errors: TRPCError[] = [];
      const responses = await Promise.all(
        calls.map(async ({ path, procedure, input }, batchIndex): Promise<TRPCResponse> => {
          try {
            if (contextError) throw contextError;
            const data = await procedure({ path, getRawInput: async () => input, ctx, type: 'query', signal: undefined, batchIndex });
            if (isDataStream(data)) {
              throw new TRPCError({
                code: 'UNSUPPORTED_MEDIA_TYPE',
                message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
              });
            }
            return { result: { data } };
          } catch (cause) {
            const error = getTRPCErrorFromUnknown(cause);
            errors[batchIndex] = error;
            onError(error, path);
            return { error: getErrorShape({ config, error, type: 'query', path, input, ctx }) };
          }
        }),
      );
      const body = batch ? responses : (responses[0] as TRPCResponse);
      return {
        status: getHTTPStatusCode(body),
        body: JSON.stringify(transformTRPCResponse(config, body)),
        errors: errors.filter(Boolean),
      };
    },
  };
}
