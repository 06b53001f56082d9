import { trpc } from '../../lib/trpc';

const pageSize = 12;

/** A user's public profile: name, avatar, since when, how many listings. */
export function useProfile(username: string) {
  return trpc.user.byUsername.useQuery({ username });
}

/** A lister's listings, newest first, a page at a time. */
export function useListingsBy(username: string) {
  return trpc.post.byUser.useInfiniteQuery({ username, limit: pageSize }, { getNextPageParam: (page) => page.nextCursor });
}
