import { trpc } from '../lib/trpc';

/**
 * Opens the signed-in user's chat with a listing's lister (`{ postId }`) or with a user
 * (`{ userId }`): the one they already have, or a new one. The chat list shows it next time.
 */
export function useStartChat() {
  const utils = trpc.useUtils();
  return trpc.chat.start.useMutation({
    onSuccess() {
      void utils.chat.list.invalidate();
    },
  });
}
