import { firstSearchPage, type SearchAddress } from '@estate/api/schemas';
import { trpc } from '../../lib/trpc';

/** The listings that match, newest first, a page at a time. */
export function useSearchResults(filters: SearchAddress) {
  return trpc.post.search.useInfiniteQuery(firstSearchPage(filters), { getNextPageParam: (page) => page.nextCursor });
}
