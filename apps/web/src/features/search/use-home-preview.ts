import { trpc } from '../../lib/trpc';

/** A home picked on the map; the listing's page finds it in the cache and opens at once. */
export function useHomePreview(id: string) {
  return trpc.post.byId.useQuery({ id });
}
