import { useQueryClient } from '@tanstack/react-query';
import { updateCardLists } from '../../lib/card-lists';
import { trpc } from '../../lib/trpc';

/** Deletes one of my listings; it leaves every list at once, and the lists are asked again for their counts and pages. */
export function useDeletePost() {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  return trpc.post.delete.useMutation({
    onSuccess(_, { id }) {
      updateCardLists(queryClient, (items) => items.filter((item) => item.id !== id));
      void utils.post.search.invalidate();
      void utils.post.mine.invalidate();
      void utils.post.byUser.invalidate();
      void utils.savedPost.list.invalidate();
      void utils.user.byUsername.invalidate();
      // Not fetched again now: its page, still on screen until the caller moves on, would turn into a 404.
      void utils.post.byId.invalidate({ id }, { refetchType: 'none' });
    },
  });
}
