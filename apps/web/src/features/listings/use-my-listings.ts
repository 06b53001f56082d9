import { trpc } from '../../lib/trpc';

const pageSize = 12;

/** The signed-in user's listings, newest first, a page at a time. */
export function useMyListings() {
  return trpc.post.mine.useInfiniteQuery({ limit: pageSize }, { getNextPageParam: (page) => page.nextCursor });
}
