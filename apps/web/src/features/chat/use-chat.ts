import { skipToken, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useEffect, useMemo } from 'react';
import { trpc } from '../../lib/trpc';
import { chatCache, chatListInput } from './chat-cache';

/** The chat caches of the signed-in user `meId` (chat-cache.ts). */
export function useChatCache(meId: string) {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  return useMemo(() => chatCache(utils, queryClient, meId), [utils, queryClient, meId]);
}

/** My chats, the most recently active first, a page at a time. */
export function useChatList() {
  return trpc.chat.list.useInfiniteQuery(chatListInput, { getNextPageParam: (page) => page.nextCursor });
}

/** One chat's summary (the other person, the listing, unread, read receipt); the list's copy shows until it answers. */
export function useChat(chatId: string) {
  const utils = trpc.useUtils();
  return trpc.chat.byId.useQuery(
    { chatId },
    {
      placeholderData: () =>
        utils.chat.list
          .getInfiniteData(chatListInput)
          ?.pages.flatMap((page) => page.items)
          .find((chat) => chat.id === chatId),
    },
  );
}

/** A chat's messages, newest page first; the next page is older. */
export function useChatMessages(chatId: string) {
  return trpc.chat.messages.useInfiniteQuery({ chatId }, { getNextPageParam: (page) => page.nextCursor });
}

/**
 * Sends a message: it shows in the conversation at once, as sending, and tops the list once the
 * server has it; a refusal takes it out again (the composer gets its text back).
 */
export function useSendMessage(meId: string) {
  const utils = trpc.useUtils();
  const cache = useChatCache(meId);
  return trpc.chat.send.useMutation({
    onMutate({ chatId, text }) {
      return { key: cache.showSending(chatId, text) };
    },
    onSuccess(message, { chatId }, { key }) {
      cache.sent(chatId, key, message);
    },
    onError(error, { chatId }, context) {
      if (context) cache.notSent(chatId, context.key);
      // The other person deleted their account meanwhile: the conversation says so.
      if (error.data?.code === 'PRECONDITION_FAILED' || error.data?.code === 'FORBIDDEN') {
        void utils.chat.byId.invalidate({ chatId });
        void utils.chat.list.invalidate();
      }
    },
  });
}

/**
 * Marks a chat read for me (only me): the list, the conversation and the header's count show it
 * at once, and take it back if the server refuses.
 */
export function useMarkRead(meId: string) {
  const cache = useChatCache(meId);
  return trpc.chat.markRead.useMutation({
    onMutate({ chatId }) {
      return { before: cache.showRead(chatId) };
    },
    onSuccess({ seenAt }, { chatId }) {
      // The other pages, and the header's count, learn it from the live events.
      if (seenAt) cache.markSeen(chatId, meId, seenAt);
    },
    onError(_error, { chatId }, context) {
      if (context?.before) cache.showUnread(chatId, context.before);
    },
  });
}

/**
 * How many of my chats have unread messages (the header's badge). The live events bring it:
 * a new event stream starts with the count, and each change sends the new one. So it is never
 * fetched on its own (which would cost every page load a request).
 */
export function useUnreadChats() {
  return trpc.chat.unreadCount.useQuery(skipToken);
}

/**
 * Moves the focus to `target` when the element that had it is gone from view: on a phone, the
 * chat just opened from the list, or the way back just taken, leave with their screen.
 */
export function useKeepFocus(target: RefObject<HTMLElement | null>, key: unknown) {
  // Once per screen, named by `key`; `target` is a ref.
  useEffect(() => {
    const active = document.activeElement;
    const lost = !active || active === document.body || (active instanceof HTMLElement && active.offsetParent === null);
    if (lost) target.current?.focus();
  }, [key, target]);
}
