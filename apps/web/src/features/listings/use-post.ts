import { trpc } from '../../lib/trpc';

/** A listing's page: the listing, its details and its lister. */
export function usePost(id: string) {
  return trpc.post.byId.useQuery({ id });
}
