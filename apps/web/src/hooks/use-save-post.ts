import { useQueryClient } from '@tanstack/react-query';
import { updateCardLists } from '../lib/card-lists';
import { trpc } from '../lib/trpc';

/**
 * Per listing, the newest toggle sent and the state the server last confirmed. Clicks can
 * overlap: only the newest toggle's answer may set what is shown, and a refusal falls back
 * to what the server last said rather than to what an older, still-unanswered click showed.
 */
const toggles = new Map<string, { newest: number; confirmed: boolean }>();
let sent = 0;

/**
 * Saves or unsaves a listing for the signed-in user (`mutate({ postId, saved })`, the state
 * wanted). The listing's page and every card of it show the new state at once; a refusal puts
 * the confirmed state back and leaves the mutation's `error` for the button to show.
 */
export function useSavePost() {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();

  function show(postId: string, saved: boolean) {
    utils.post.byId.setData({ id: postId }, (post) => post && { ...post, isSaved: saved });
    updateCardLists(queryClient, (items) => items.map((item) => (item.id === postId ? { ...item, isSaved: saved } : item)));
  }

  return trpc.savedPost.toggle.useMutation({
    async onMutate({ postId, saved }) {
      const number = ++sent;
      // With nothing in flight, what was shown (the opposite of what is wanted) is confirmed.
      toggles.set(postId, { newest: number, confirmed: toggles.get(postId)?.confirmed ?? !saved });
      // An answer already on its way would overwrite the optimistic state with the old one.
      await utils.post.byId.cancel({ id: postId });
      show(postId, saved === true);
      return { number };
    },
    onSuccess({ saved }, { postId }, context) {
      const toggle = toggles.get(postId);
      if (!toggle) return;
      toggle.confirmed = saved;
      if (toggle.newest === context.number) show(postId, saved);
    },
    onError(_error, { postId }, context) {
      const toggle = toggles.get(postId);
      if (toggle && toggle.newest === context?.number) show(postId, toggle.confirmed);
    },
    onSettled(_data, _error, { postId }, context) {
      if (toggles.get(postId)?.newest === context?.number) toggles.delete(postId);
      // Most recently saved first: only the server knows the new order.
      void utils.savedPost.list.invalidate();
    },
  });
}
