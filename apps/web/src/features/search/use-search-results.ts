import type { SearchFilters } from '../../lib/paths';
import { trpc } from '../../lib/trpc';

const pageSize = 12;

/** The listings that match, newest first, a page at a time. */
export function useSearchResults(filters: SearchFilters) {
  return trpc.post.search.useInfiniteQuery({ ...filters, limit: pageSize }, { getNextPageParam: (page) => page.nextCursor });
}
