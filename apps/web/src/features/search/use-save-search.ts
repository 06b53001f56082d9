import { trpc } from '../../lib/trpc';

/** Saves a search's filters for alerts (the same filters again: the search saved before); Saved searches and the header's count follow. */
export function useSaveSearch() {
  const utils = trpc.useUtils();
  return trpc.savedSearch.create.useMutation({
    onSuccess() {
      void utils.savedSearch.list.invalidate();
    },
  });
}
