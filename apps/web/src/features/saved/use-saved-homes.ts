import { useMemo } from 'react';
import { trpc } from '../../lib/trpc';

const pageSize = 12;

/**
 * The signed-in user's saved homes, most recently saved first, a page at a time. A home
 * being unsaved leaves the list at once (useSavePost marks it unsaved in the cache); the
 * list is fetched again once the server has answered.
 */
export function useSavedHomes() {
  const query = trpc.savedPost.list.useInfiniteQuery({ limit: pageSize }, { getNextPageParam: (page) => page.nextCursor });
  const data = useMemo(
    () =>
      query.data && {
        ...query.data,
        pages: query.data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.isSaved) })),
      },
    [query.data],
  );
  return { ...query, data };
}
