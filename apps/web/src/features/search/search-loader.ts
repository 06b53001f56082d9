import type { RouterOutputs } from '@estate/api';
import { FIRST_PAGE_ELEMENT_ID, firstSearchPage, readSearchValues, toSearchFilters } from '@estate/api/schemas';
import type { LoaderFunctionArgs } from 'react-router';
import superjson, { type SuperJSONResult } from 'superjson';
import { preloadCovers } from '../../components/ui/card-cover';
import { trpcUtils } from '../../lib/trpc';

type SearchInput = ReturnType<typeof firstSearchPage>;

/**
 * The first page of results the server put in the page's HTML, when it was made for this
 * search: it goes into the query's cache as if it had just been fetched. Read once, on the
 * first page load; a later search asks the server.
 */
function takeEmbeddedPage(input: SearchInput): void {
  const element = document.getElementById(FIRST_PAGE_ELEMENT_ID);
  if (!element) return;
  element.remove();
  let embedded: { input: unknown; page: SuperJSONResult };
  try {
    embedded = JSON.parse(element.textContent ?? '');
  } catch {
    return; // Not what the server writes (a proxy rewrote the page?): the results are asked for instead.
  }
  if (JSON.stringify(embedded.input) !== JSON.stringify(input)) return;
  const page = superjson.deserialize<RouterOutputs['post']['search']>(embedded.page);
  trpcUtils.post.search.setInfiniteData(input, { pages: [page], pageParams: [null] });
}

/**
 * Asks for the results as soon as a search address is matched, while the page's code is still
 * on its way (the page itself would ask only once rendered), unless the HTML brought them. It
 * returns at once: the page shows its own loading state, and the query's cache hands it the
 * answer. The first cards' photos are asked for with the answer, before the cards are drawn.
 */
export function searchLoader({ request }: LoaderFunctionArgs): null {
  const input = firstSearchPage(toSearchFilters(readSearchValues(new URL(request.url).searchParams)));
  takeEmbeddedPage(input);
  void trpcUtils.post.search.prefetchInfinite(input).then(() => {
    const first = trpcUtils.post.search.getInfiniteData(input)?.pages[0];
    if (first) preloadCovers(first.items);
  });
  return null;
}
