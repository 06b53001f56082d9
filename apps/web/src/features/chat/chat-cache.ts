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
type SentMessage = RouterOutputs['chat']['messages']['items'][number];
/**
 * A message as the conversation shows it. One of mine is shown at once, `sending` until the
 * server has it; its `key` stays the same from sending to sent, so the log neither draws it
 * again nor announces it twice.
 */
export type ChatMessage = SentMessage & { key?: string; sending?: true };
type MessagePage = RouterOutputs['chat']['messages'];
type MessagePages<Cursor> = InfiniteData<MessagePage, Cursor>;

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

/** The messages shown as sending so far, in this page's life. */
let sendingCount = 0;

/**
 * Puts a message into its chat's cached pages, once: the first page is the newest. A message
 * of `mine` takes the place of the oldest one shown as sending with the same text: it is that one.
 */
function insertMessage<Cursor>(data: MessagePages<Cursor>, message: ChatMessage, mine: boolean): MessagePages<Cursor> {
  if (data.pages.some((page) => page.items.some((item) => item.id === message.id))) return data;
  const [newest, ...older] = data.pages;
  if (!newest) return data;
  const items: ChatMessage[] = newest.items;
  // Newest first: the last match is the oldest.
  const sent = mine && !message.sending ? items.findLastIndex((item) => item.sending && item.text === message.text) : -1;
  const next = sent === -1 ? [message, ...items] : items.with(sent, { ...message, key: items[sent]?.key });
  return { ...data, pages: [{ ...newest, items: next.sort(newestFirst) }, ...older] };
}

/** The message shown as sending under `key` is `message`: shown as sent, in its place (once). */
function settleSending<Cursor>(data: MessagePages<Cursor>, key: string, message: ChatMessage): MessagePages<Cursor> {
  const there = data.pages.some((page) => page.items.some((item) => item.id === message.id));
  if (there) return withoutSending(data, key);
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.map((item: ChatMessage) => (item.key === key && item.sending ? { ...message, key } : item)).sort(newestFirst),
  }));
  return { ...data, pages };
}

/** Takes a message shown as sending (by its `key`) out of the pages. */
function withoutSending<Cursor>(data: MessagePages<Cursor>, key: string): MessagePages<Cursor> {
  return {
    ...data,
    pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item: ChatMessage) => item.key !== key || !item.sending) })),
  };
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

  /**
   * A new message in one of the user's chats, theirs or the other person's: it joins the
   * conversation, and the chat moves to the top of the list with it as its last message. A
   * message from the other person is unread, unless the user has that chat in front of them.
   */
  function addMessage(chatId: string, message: ChatMessage) {
    const mine = message.senderId === meId;
    utils.chat.messages.setInfiniteData({ chatId }, (data) => data && insertMessage(data, message, mine));
    askAgainIfFetching(getQueryKey(trpc.chat.messages, { chatId }, 'infinite'));
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
  }

  return {
    addMessage,

    /** Shows a message of mine in the conversation at once, as sending; returns its key. */
    showSending(chatId: string, text: string): string {
      sendingCount += 1;
      const key = `sending-${sendingCount}`;
      const message: ChatMessage = { id: key, key, text, senderId: meId, createdAt: new Date(), sending: true };
      utils.chat.messages.setInfiniteData({ chatId }, (data) => data && insertMessage(data, message, true));
      return key;
    },

    /** The server has the message shown as sending under `key`: it is shown as sent, and tops the list. */
    sent(chatId: string, key: string, message: ChatMessage) {
      // The live event may have brought it first, in the sending one's place.
      utils.chat.messages.setInfiniteData({ chatId }, (data) => data && settleSending(data, key, message));
      addMessage(chatId, message);
    },

    /** The server refused the message shown as sending under `key`: it goes. */
    notSent(chatId: string, key: string) {
      utils.chat.messages.setInfiniteData({ chatId }, (data) => data && withoutSending(data, key));
    },

    /**
     * Shows the chat read at once (no unread messages, one unread chat fewer in the header);
     * returns what to put back if the server refuses, or null when nothing changed.
     */
    showRead(chatId: string): { unreadCount: number; unreadChats: number | null } | null {
      const unreadCount =
        utils.chat.byId.getData({ chatId })?.unreadCount ??
        utils.chat.list
          .getInfiniteData(chatListInput)
          ?.pages.flatMap((page) => page.items)
          .find((chat) => chat.id === chatId)?.unreadCount ??
        0;
      if (unreadCount === 0) return null;
      updateChat(chatId, (chat) => ({ ...chat, unreadCount: 0 }));
      const count = utils.chat.unreadCount.getData()?.count;
      const unreadChats = count === undefined ? null : Math.max(0, count - 1);
      if (unreadChats !== null) utils.chat.unreadCount.setData(undefined, { count: unreadChats });
      return { unreadCount, unreadChats };
    },

    /** The server refused to mark the chat read: its unread count comes back, unless news changed it meanwhile. */
    showUnread(chatId: string, before: { unreadCount: number; unreadChats: number | null }) {
      updateChat(chatId, (chat) => (chat.unreadCount === 0 ? { ...chat, unreadCount: before.unreadCount } : chat));
      if (before.unreadChats !== null && utils.chat.unreadCount.getData()?.count === before.unreadChats) {
        utils.chat.unreadCount.setData(undefined, { count: before.unreadChats + 1 });
      }
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
