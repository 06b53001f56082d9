import type { RouterOutputs } from '@estate/api';
import { hashKey, useQueryClient } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { createContext, use } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../lib/paths';
import { trpc } from '../lib/trpc';

/** The signed-in user. */
export type Me = NonNullable<RouterOutputs['auth']['me']>;

/**
 * Who is signed in (`data`: the user or null): the one source of truth for it. The session
 * cookie is HttpOnly, so only the server can say; it rarely changes behind our back.
 */
export function useMe() {
  return trpc.auth.me.useQuery(undefined, { staleTime: 5 * 60_000 });
}

/** The user of a signed-in page, provided by the RequireUser layout route above it. */
export const SignedInUser = createContext<Me | null>(null);

/** The signed-in user, on a page under the RequireUser layout route (it never renders one for nobody). */
export function useSignedInUser(): Me {
  const me = use(SignedInUser);
  if (!me) throw new Error('useSignedInUser() is for pages under the RequireUser route');
  return me;
}

/** Replaces the cached user with what a sign-in or a profile change returned. */
export function useSetMe() {
  const utils = trpc.useUtils();
  return (me: Me | null) => utils.auth.me.setData(undefined, me);
}

/**
 * Forgets the user after the server ended the session (sign-out, account deleted): goes to
 * `to` first, so a page that needs a user is gone before `me` turns null (it would redirect
 * to the login page), then drops every cached answer and mutation (their inputs hold
 * passwords) so nothing private stays in memory or on screen.
 */
export function useForgetMe() {
  const queryClient = useQueryClient();
  const setMe = useSetMe();
  const navigate = useNavigate();
  return async (to: string, notice: string) => {
    await navigate(to, { state: { notice }, flushSync: true });
    const meHash = hashKey(getQueryKey(trpc.auth.me, undefined, 'query'));
    // `me` itself is kept (set to null) so the header's subscription to it stays live.
    queryClient.removeQueries({ predicate: (query) => query.queryHash !== meHash });
    queryClient.getMutationCache().clear();
    setMe(null);
  };
}

/** Signs out here, then forgets the user and says so on the home page. */
export function useSignOut() {
  const forgetMe = useForgetMe();
  return trpc.auth.logout.useMutation({ onSuccess: () => forgetMe(paths.home(), 'You have signed out.') });
}
