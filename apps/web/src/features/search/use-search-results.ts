import type { SearchFilters } from '../../lib/paths';
import { trpc } from '../../lib/trpc';

const pageSize = 12;

/** What the first page of results is asked with: the route's loader prefetches the same query. */
export function searchInput(filters: SearchFilters) {
  return { ...filters, limit: pageSize };
}

/** The listings that match, newest first, a page at a time. */
export function useSearchResults(filters: SearchFilters) {
  return trpc.post.search.useInfiniteQuery(searchInput(filters), { getNextPageParam: (page) => page.nextCursor });
}
