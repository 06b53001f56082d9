import { useQueryClient } from '@tanstack/react-query';
import { getMutationKey } from '@trpc/react-query';
import type { AlertListener } from '../../lib/live-events';
import { trpc } from '../../lib/trpc';
import { useChatCache } from './use-chat';

/** The mutations that end this page's own session: they say so themselves, and take the page elsewhere. */
const endingSession = [getMutationKey(trpc.auth.logout), getMutationKey(trpc.user.delete)];

/**
 * The signed-in user's chat events, live over server-sent events, written into the chat caches:
 * new messages (theirs and the other person's), read receipts and the unread count. One stream
 * for the whole app (the layout holds it), so the header's badge, the list and an open
 * conversation all follow. On a reconnect the link resumes after the last event it received.
 * The stream also carries saved-search alerts: those go to `alerts`.
 */
export function useChatEvents(meId: string, alerts: AlertListener) {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const cache = useChatCache(meId);
  trpc.chat.events.useSubscription(undefined, {
    onStarted() {
      // A new stream starts from now: what the pages loaded before it may lack what happened meanwhile.
      void utils.chat.list.invalidate();
      void utils.chat.byId.invalidate();
      void utils.chat.messages.invalidate();
      alerts.resync();
    },
    onData({ data: event }) {
      switch (event.kind) {
        case 'message':
          cache.addMessage(event.chatId, event.message);
          break;
        case 'read':
          cache.markSeen(event.chatId, event.userId, event.seenAt);
          break;
        case 'unread':
          cache.setUnreadChats(event.count);
          break;
        case 'alert':
          alerts.alert(event);
          break;
      }
    },
    onError(error) {
      if (error.data?.code !== 'UNAUTHORIZED') return;
      if (endingSession.some((mutationKey) => queryClient.isMutating({ mutationKey }) > 0)) return;
      // The session ended elsewhere (signed out on another page, a password changed, expiry): ask
      // who is signed in, so signed-in pages send to sign in.
      void utils.auth.me.invalidate();
    },
  });
}

/** Holds the chat event stream while someone is signed in (rendered by the layout, keyed by the user). */
export function ChatEvents({ meId, alerts }: { meId: string; alerts: AlertListener }) {
  useChatEvents(meId, alerts);
  return null;
}
