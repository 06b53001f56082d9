import type { LoaderFunctionArgs } from 'react-router';
import { trpcUtils } from '../../lib/trpc';
import { readSearchValues, toSearchFilters } from './search-params';
import { searchInput } from './use-search-results';

/**
 * Asks for the results as soon as a search address is matched, while the page's code is still
 * on its way (the page itself would ask only once rendered). It returns at once: the page shows
 * its own loading state, and the query's cache hands it the answer.
 */
export function searchLoader({ request }: LoaderFunctionArgs): null {
  const filters = toSearchFilters(readSearchValues(new URL(request.url).searchParams));
  void trpcUtils.post.search.prefetchInfinite(searchInput(filters));
  return null;
}
