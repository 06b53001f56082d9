import type { RouterOutputs } from '@estate/api';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { trpc } from './trpc';

/** What every list of listings shows a listing as. */
export type PostCardData = RouterOutputs['post']['search']['items'][number];

/** The procedures whose pages are lists of cards, as the pages' infinite queries cache them. */
const cardLists = [trpc.post.search, trpc.post.byUser, trpc.post.mine, trpc.savedPost.list];

/**
 * Rewrites the cards of every cached list (search results, profiles, my listings, saved homes),
 * so a change shows everywhere at once, before any list is fetched again.
 */
export function updateCardLists(queryClient: QueryClient, update: <T extends PostCardData>(items: T[]) => T[]): void {
  for (const list of cardLists) {
    queryClient.setQueriesData<InfiniteData<{ items: PostCardData[] }>>(
      { queryKey: getQueryKey(list, undefined, 'infinite') },
      (data) => data && { ...data, pages: data.pages.map((page) => ({ ...page, items: update(page.items) })) },
    );
  }
}
