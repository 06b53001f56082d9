import type { RouterOutputs } from '@estate/api';
import { useMemo } from 'react';
import { showToast } from '../../components/ui/Toast';
import { formatPrice } from '../../lib/format';
import type { AlertListener, SearchAlert } from '../../lib/live-events';
import { once } from '../../lib/once';
import { paths } from '../../lib/paths';
import { trpc } from '../../lib/trpc';

export type SavedSearch = RouterOutputs['savedSearch']['list'][number];

/** My saved searches, the newest first, each with how many homes matched it since I last opened it. */
export function useSavedSearches() {
  return trpc.savedSearch.list.useQuery();
}

const totalNew = (searches: SavedSearch[]) => searches.reduce((sum, search) => sum + search.newCount, 0);

/** How many new homes match my saved searches in all (the header's badge): live, as alerts come in. */
export function useNewMatchCount(): number {
  return trpc.savedSearch.list.useQuery(undefined, { select: totalNew }).data ?? 0;
}

/** The cached list, for the mutations below: each writes its change in, then asks the server again. */
function useListCache() {
  const utils = trpc.useUtils();
  return {
    /** Shows what the server changed at once. */
    write(update: (searches: SavedSearch[]) => SavedSearch[]) {
      utils.savedSearch.list.setData(undefined, (searches) => searches && update(searches));
    },
    /**
     * Whatever the answer: it also replaces an answer already on its way, read before the change,
     * and drops a search deleted on another page (which the server refused as not found).
     */
    refresh() {
      void utils.savedSearch.list.invalidate();
    },
  };
}

/** Marks a saved search seen, so its count goes back to 0; answers with its filters, the search to show. */
export function useOpenSavedSearch() {
  const list = useListCache();
  return trpc.savedSearch.open.useMutation({
    onSuccess: (_filters, { id }) =>
      list.write((searches) => searches.map((search) => (search.id === id ? { ...search, newCount: 0 } : search))),
    onSettled: list.refresh,
  });
}

export function useRenameSavedSearch() {
  const list = useListCache();
  return trpc.savedSearch.rename.useMutation({
    onSuccess: (renamed) => list.write((searches) => searches.map((search) => (search.id === renamed.id ? renamed : search))),
    onSettled: list.refresh,
  });
}

export function useDeleteSavedSearch() {
  const list = useListCache();
  return trpc.savedSearch.delete.useMutation({
    onSuccess: ({ id }) => list.write((searches) => searches.filter((search) => search.id !== id)),
    onSettled: list.refresh,
  });
}

// Made with the first alert: a page's first Intl formatter is slow to make (see lib/format.ts).
const names = once(() => new Intl.ListFormat('en-US', { type: 'conjunction' }));

/** "New home for “Rent · Denver”: Sunny loft, $2,400/month". */
function alertMessage({ post, searches }: SearchAlert): string {
  return `New home for ${names().format(searches.map((search) => `“${search.name}”`))}: ${post.title}, ${formatPrice(post.price, post.type)}`;
}

/**
 * What the live alerts do (the app hands this to the event stream): each one updates the counts
 * (the header's badge, the Saved searches page) and the search results, and shows a toast that
 * links to the home.
 */
export function useSearchAlerts(): AlertListener {
  const utils = trpc.useUtils();
  return useMemo(
    () => ({
      resync() {
        void utils.savedSearch.list.invalidate();
      },
      alert(alert) {
        void utils.savedSearch.list.invalidate();
        // Results and maps cached before the home was listed lack it; a search on screen shows it at once.
        void utils.post.search.invalidate();
        void utils.post.mapClusters.invalidate();
        showToast({ message: alertMessage(alert), action: { label: 'View home', to: paths.post(alert.post.id) } });
      },
    }),
    [utils],
  );
}
