import type { AppRouter } from '@estate/api';
import { MAX_BATCH_CALLS } from '@estate/api/schemas';
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from '@trpc/client';
import { createTRPCQueryUtils, createTRPCReact, getQueryKey } from '@trpc/react-query';
import superjson from 'superjson';

export const trpc = createTRPCReact<AppRouter>();

/** Bad input, a missing record, no permission: asking again gives the same answer. */
function isClientError(error: unknown): boolean {
  const status: unknown = error instanceof TRPCClientError ? error.data?.httpStatus : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export const queryClient: QueryClient = new QueryClient({
  mutationCache: new MutationCache({
    onError(error) {
      // We thought we were signed in and the server disagrees (the session expired or was ended
      // elsewhere): ask again who we are, so pages that need a user send the user to sign in.
      const meKey = getQueryKey(trpc.auth.me, undefined, 'query');
      if (error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED' && queryClient.getQueryData(meKey)) {
        void queryClient.invalidateQueries({ queryKey: meKey });
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
    },
  },
});

export const trpcClient = trpc.createClient({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      // Server-sent events: the browser's EventSource reconnects by itself, and the link asks
      // again with the last event's id, so the server sends what was missed meanwhile.
      true: httpSubscriptionLink({ url: '/trpc', transformer: superjson, eventSourceOptions: { withCredentials: true } }),
      // Not the streaming link: a streamed response has sent its headers before a procedure
      // runs, so procedures that set cookies (sign-in, sign-out) need this one.
      false: httpBatchLink({
        url: '/trpc',
        transformer: superjson,
        maxItems: MAX_BATCH_CALLS,
        fetch: (url, options) => fetch(url, { ...options, credentials: 'include' }),
      }),
    }),
  ],
});

/** The same queries outside components: route loaders start them before a page has rendered. */
export const trpcUtils = createTRPCQueryUtils({ queryClient, client: trpcClient });
