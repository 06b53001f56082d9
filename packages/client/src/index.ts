import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient, TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import { type EstateErrorShape, type EstateRouter, MAX_BATCH_CALLS } from './generated/router.js';
import { SessionJar } from './session.js';

export { TRPCClientError } from '@trpc/client';
export { SESSION_COOKIE } from './session.js';
export type { EstateErrorShape, EstateRouter };

/** Inputs of every procedure, e.g. `EstateInputs['post']['create']`. */
export type EstateInputs = inferRouterInputs<EstateRouter>;
/** Outputs of every procedure, e.g. `EstateOutputs['post']['search']['items'][number]`. */
export type EstateOutputs = inferRouterOutputs<EstateRouter>;

/** An error from a procedure: `data.code` (`'NOT_FOUND'`, `'UNAUTHORIZED'`…), `data.field`, `data.zodError`, `data.retryAfterSeconds`. */
export type EstateError = TRPCClientError<EstateRouter>;

/** Whether an error is a failed call of this client, typed by the API's error shape (`data` is unset when no answer came). */
export function isEstateError(error: unknown): error is EstateError {
  return error instanceof TRPCClientError;
}

type HeadersOption = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

export interface EstateClientOptions {
  /** Where Estate is served, e.g. `http://localhost:3000` (the API is at `/trpc` under it). */
  url: string | URL;
  /** Sends every request, subscriptions' included (default: the global `fetch`). */
  fetch?: typeof fetch;
  /** Added to every request, e.g. a proxy's API key; a function is asked before each request. */
  headers?: HeadersOption;
  /** A session token kept from an earlier run (`sessionToken`), to go on signed in without signing in again. */
  sessionToken?: string | null;
}

/** What `POST /api/uploads` answers: `url` is the photo's largest size, the one `post.create` and `user.update` take. */
export interface UploadedPhoto {
  url: string;
  width: number;
  height: number;
}

export interface EstateClient {
  /** Every procedure, fully typed: `api.post.search.query({ city: 'London' })`, `api.chat.events.subscribe(undefined, { onData })`. */
  api: TRPCClient<EstateRouter>;
  /** Uploads a photo (JPEG, PNG or WebP, at most 10 MB) as the signed-in user. */
  uploadPhoto(photo: Blob, filename?: string): Promise<UploadedPhoto>;
  /** The signed-in session's token (null when signed out): keep it secret, like a password. */
  readonly sessionToken: string | null;
}

/** An upload the server refused; `status` is its HTTP status (401: not signed in, 413: too large, 429: too many). */
export class UploadError extends Error {
  override name = 'UploadError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A client for Estate's API with the web app's wire format (superjson; batched calls;
 * subscriptions over server-sent events that resume from the last event after a reconnect),
 * keeping the session cookie itself. It sends no `Origin` header, which is how the server
 * tells a program from another site's page, so its mutations are accepted.
 */
export function createEstateClient(options: EstateClientOptions): EstateClient {
  const base = new URL(options.url);
  const trpcUrl = new URL('trpc', base.href.endsWith('/') ? base : `${base.href}/`).href;
  const uploadUrl = new URL('/api/uploads', base).href;
  const baseFetch = options.fetch ?? globalThis.fetch;
  const jar = new SessionJar(options.sessionToken ?? null);

  const send = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    const extra = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    jar.apply(headers);
    const response = await baseFetch(input, { ...init, headers });
    jar.take(response);
    return response;
  };

  const api = createTRPCClient<EstateRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // Node has no EventSource of its own (before 22, and without a way to send cookies after).
        true: httpSubscriptionLink({ url: trpcUrl, transformer: superjson, EventSource, eventSourceOptions: { fetch: send } }),
        // Not the streaming link: sign-in and sign-out set the cookie, which a streamed response cannot.
        false: httpBatchLink({ url: trpcUrl, transformer: superjson, maxItems: MAX_BATCH_CALLS, fetch: send }),
      }),
    ],
  });

  return {
    api,
    async uploadPhoto(photo, filename = 'photo') {
      const form = new FormData();
      form.set('file', photo, filename);
      const response = await send(uploadUrl, { method: 'POST', body: form });
      const body = (await response.json().catch(() => ({}))) as Partial<UploadedPhoto> & { error?: string };
      if (response.status !== 201 || typeof body.url !== 'string') {
        throw new UploadError(response.status, body.error ?? `The upload failed (HTTP ${response.status}).`);
      }
      return { url: body.url, width: Number(body.width), height: Number(body.height) };
    },
    get sessionToken() {
      return jar.token;
    },
  };
}
