import type { RouterOutputs } from '@estate/api';
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { trpc } from '../../lib/trpc';

// What the chat pages show lives in React Query's caches: the list of chats, each open chat's
// summary and messages, and the unread count. A sent message, a read chat and every live event
// are written straight into them, so every page shows the change at once without asking again.

type Utils = ReturnType<typeof trpc.useUtils>;

/** A chat as the list and the conversation's header show it. */
export type ChatSummary = RouterOutputs['chat']['byId'];
export type ChatMessage = RouterOutputs['chat']['messages']['items'][number];
type MessagePage = RouterOutputs['chat']['messages'];

/** The list's input: one list, so the cache has one entry to update. */
export const chatListInput = {};

/** The chat the user has in front of them (open, on a visible page): its new messages are read at once. */
let viewing: string | null = null;

export function setViewingChat(chatId: string | null): void {
  viewing = chatId;
}

const time = (date: Date) => date.getTime();

/** Newest first, as the server pages them. */
function newestFirst(a: ChatMessage, b: ChatMessage): number {
  return time(b.createdAt) - time(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Puts a message into its chat's cached pages, once: the first page is the newest. */
function insertMessage<Cursor>(data: InfiniteData<MessagePage, Cursor>, message: ChatMessage): InfiniteData<MessagePage, Cursor> {
  if (data.pages.some((page) => page.items.some((item) => item.id === message.id))) return data;
  const [newest, ...older] = data.pages;
  if (!newest) return data;
  return { ...data, pages: [{ ...newest, items: [message, ...newest.items].sort(newestFirst) }, ...older] };
}

/**
 * The chat caches, for the signed-in user `meId`. After each change, a cache whose answer is
 * still on its way is asked again: that answer may have been read before the change was made,
 * and would put the old state back.
 */
export function chatCache(utils: Utils, queryClient: QueryClient, meId: string) {
  function askAgainIfFetching(queryKey: QueryKey) {
    if (queryClient.isFetching({ queryKey }) > 0) void queryClient.invalidateQueries({ queryKey });
  }

  /** Rewrites a chat wherever it is cached (the list, its own summary); `moveToTop` when it has news. */
  function updateChat(chatId: string, update: (chat: ChatSummary) => ChatSummary, { moveToTop = false } = {}) {
    utils.chat.byId.setData({ chatId }, (chat) => chat && update(chat));
    askAgainIfFetching(getQueryKey(trpc.chat.byId, { chatId }, 'query'));

    const list = utils.chat.list.getInfiniteData(chatListInput);
    if (!list) return;
    const listed = list.pages.some((page) => page.items.some((chat) => chat.id === chatId));
    if (!listed) {
      // New, or further down than the list has loaded: only the server can place it.
      if (moveToTop) void utils.chat.list.invalidate();
      return;
    }
    utils.chat.list.setInfiniteData(chatListInput, (data) => {
      if (!data) return data;
      let moved: ChatSummary | undefined;
      const pages = data.pages.map((page) => ({
        ...page,
        items: page.items.flatMap((chat) => {
          if (chat.id !== chatId) return [chat];
          const updated = update(chat);
          if (!moveToTop || updated === chat) return [updated];
          moved = updated;
          return [];
        }),
      }));
      const [first, ...rest] = pages;
      return moved && first ? { ...data, pages: [{ ...first, items: [moved, ...first.items] }, ...rest] } : { ...data, pages };
    });
    askAgainIfFetching(getQueryKey(trpc.chat.list, undefined, 'infinite'));
  }

  return {
    /**
     * A new message in one of the user's chats, theirs or the other person's: it joins the
     * conversation, and the chat moves to the top of the list with it as its last message. A
     * message from the other person is unread, unless the user has that chat in front of them.
     */
    addMessage(chatId: string, message: ChatMessage) {
      utils.chat.messages.setInfiniteData({ chatId }, (data) => data && insertMessage(data, message));
      askAgainIfFetching(getQueryKey(trpc.chat.messages, { chatId }, 'infinite'));
      const mine = message.senderId === meId;
      updateChat(
        chatId,
        (chat) => {
          // The summary was loaded after this message: it counts it already.
          if (chat.lastMessage && time(chat.lastMessage.createdAt) >= time(message.createdAt)) return chat;
          return {
            ...chat,
            lastMessage: { text: message.text, createdAt: message.createdAt, senderId: message.senderId },
            // Writing in a chat reads it.
            unreadCount: mine ? 0 : viewing === chatId ? chat.unreadCount : chat.unreadCount + 1,
          };
        },
        { moveToTop: true },
      );
    },

    /** `userId` has read the chat up to `seenAt`: the user (on this page or another), or the other person (a read receipt). */
    markSeen(chatId: string, userId: string, seenAt: Date) {
      if (userId !== meId) {
        updateChat(chatId, (chat) =>
          chat.otherSeenAt && time(chat.otherSeenAt) >= time(seenAt) ? chat : { ...chat, otherSeenAt: seenAt },
        );
        return;
      }
      updateChat(chatId, (chat) => {
        // A message from the other person after that reading is still unread.
        const newer = chat.lastMessage && chat.lastMessage.senderId !== meId && time(chat.lastMessage.createdAt) > time(seenAt);
        return newer || chat.unreadCount === 0 ? chat : { ...chat, unreadCount: 0 };
      });
    },

    /** How many chats have unread messages, as the server counted them. */
    setUnreadChats(count: number) {
      utils.chat.unreadCount.setData(undefined, { count });
    },

    /** A chat as the server returned it (just started): the conversation opens with it. */
    setChat(chat: ChatSummary) {
      utils.chat.byId.setData({ chatId: chat.id }, chat);
    },
  };
}
