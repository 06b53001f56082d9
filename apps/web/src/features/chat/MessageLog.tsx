import { Fragment, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { buttonClass } from '../../components/ui/button';
import { ErrorPanel } from '../../components/ui/ErrorPanel';
import { errorMessage } from '../../lib/api-error';
import { cx } from '../../lib/class-names';
import type { ChatMessage, ChatSummary } from './chat-cache';
import { formatClock, formatDay, formatFull, sameDay } from './chat-format';
import styles from './MessageLog.module.css';
import type { useChatMessages } from './use-chat';

interface MessageLogProps {
  chat: ChatSummary;
  messages: ReturnType<typeof useChatMessages>;
  meId: string;
  /** The other person's name, as the conversation's header shows it. */
  name: string;
}

/** One person's messages this close together read as one run. */
const RUN_MS = 5 * 60_000;

function sameRun(earlier: ChatMessage, later: ChatMessage): boolean {
  return (
    earlier.senderId === later.senderId &&
    sameDay(earlier.createdAt, later.createdAt) &&
    later.createdAt.getTime() - earlier.createdAt.getTime() < RUN_MS
  );
}

/** Within this many pixels of the end, the log counts as scrolled to the newest message. */
const AT_BOTTOM = 80;
/** Within this many pixels of the start, older messages are loaded. */
const NEAR_TOP = 160;

/**
 * The conversation's messages, oldest at the top: it opens at the newest, loads older ones as
 * it is scrolled up (the messages in view stay put), and follows new ones while it is at the end.
 */
export function MessageLog({ chat, messages, meId, name }: MessageLogProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const items = useMemo((): ChatMessage[] => (messages.data?.pages.flatMap((page) => page.items) ?? []).toReversed(), [messages.data]);
  const oldest = items[0]?.id;
  const newest = items.at(-1);
  const newestMine = newest?.senderId === meId;
  // A read receipt under my newest message, once the other person has read it.
  const seen = Boolean(newest && newestMine && chat.otherSeenAt && chat.otherSeenAt.getTime() >= newest.createdAt.getTime());

  // Where the log was scrolled to (from its end), as of the last scroll or render.
  const position = useRef<{ oldest?: string | undefined; newest?: string | undefined; fromBottom?: number; atBottom?: boolean } | null>(
    null,
  );
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = messages;
  const canLoadOlder = hasNextPage && !isFetchingNextPage && !isFetchNextPageError;

  function remember(element: HTMLDivElement) {
    const fromBottom = element.scrollHeight - element.scrollTop;
    position.current = { ...position.current, fromBottom, atBottom: fromBottom - element.clientHeight < AT_BOTTOM };
  }

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const before = position.current;
    if (!before?.newest) {
      // The first messages: start at the newest.
      element.scrollTop = element.scrollHeight;
    } else if (oldest !== before.oldest && newest?.id === before.newest) {
      // Older messages above: the ones in view stay where they were.
      element.scrollTop = element.scrollHeight - (before.fromBottom ?? 0);
    } else if (before.atBottom || (newest?.id !== before.newest && newestMine)) {
      // A new message (or the receipt) at the end: follow it, if we were there or sent it.
      element.scrollTop = element.scrollHeight;
    }
    remember(element);
    position.current = { ...position.current, oldest, newest: newest?.id };
  }, [oldest, newest, newestMine, seen]);

  // The log changes height (a longer draft, a turned phone): stay at the end if we were there.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (position.current?.atBottom) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Fewer messages than fill the log leave nothing to scroll up: load older ones at once.
  useEffect(() => {
    const element = scroller.current;
    if (element && canLoadOlder && element.scrollHeight <= element.clientHeight) void fetchNextPage();
  }, [canLoadOlder, fetchNextPage, items.length]);

  function onScroll(event: React.UIEvent<HTMLDivElement>) {
    const element = event.currentTarget;
    remember(element);
    if (element.scrollTop < NEAR_TOP && canLoadOlder) void fetchNextPage();
  }

  return (
    <div
      ref={scroller}
      className={styles.log}
      role="log"
      aria-live="polite"
      aria-label={`Messages with ${name}`}
      aria-busy={messages.isPending || isFetchingNextPage}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus, so the keyboard can scroll it.
      tabIndex={0}
      onScroll={onScroll}
    >
      {messages.data ? (
        <>
          <div className={styles.start}>
            {isFetchNextPageError && messages.error ? (
              <p className={styles.olderError}>
                Could not load older messages. {errorMessage(messages.error)}{' '}
                <button type="button" className={buttonClass({ small: true })} onClick={() => fetchNextPage()}>
                  Retry
                </button>
              </p>
            ) : hasNextPage ? (
              <button type="button" className={buttonClass({ small: true })} onClick={() => fetchNextPage()} disabled={isFetchingNextPage}>
                {isFetchingNextPage ? 'Loading older messages…' : 'Load older messages'}
              </button>
            ) : items.length > 0 ? (
              <p className={styles.beginning}>The start of your conversation with {name}</p>
            ) : null}
          </div>
          {items.length === 0 ? (
            <div className={styles.empty}>
              <p>No messages yet.</p>
              {!chat.otherDeleted && <p>Say hello to {name}: ask about the home, or when you could visit.</p>}
            </div>
          ) : (
            <ol className={styles.messages}>
              {items.map((message, i) => {
                const previous = items[i - 1];
                const next = items[i + 1];
                const mine = message.senderId === meId;
                const newDay = !previous || !sameDay(previous.createdAt, message.createdAt);
                // Messages one person sends in a row share one time, under the last of them.
                const runGoesOn = next !== undefined && sameRun(message, next);
                return (
                  <Fragment key={message.key ?? message.id}>
                    {newDay && (
                      <li className={styles.day}>
                        <span>{formatDay(message.createdAt)}</span>
                      </li>
                    )}
                    <li
                      className={cx(
                        styles.message,
                        mine ? styles.mine : styles.theirs,
                        previous && !newDay && sameRun(previous, message) && styles.follows,
                      )}
                    >
                      <span className="visually-hidden">{mine ? 'You' : name}: </span>
                      <p className={styles.bubble} title={formatFull(message.createdAt)}>
                        {message.text}
                      </p>
                      {message.sending ? (
                        <span className={styles.time}>Sending…</span>
                      ) : (
                        <time className={runGoesOn ? 'visually-hidden' : styles.time} dateTime={message.createdAt.toISOString()}>
                          {formatClock(message.createdAt)}
                        </time>
                      )}
                    </li>
                  </Fragment>
                );
              })}
            </ol>
          )}
          {seen && <p className={styles.seen}>Seen</p>}
        </>
      ) : messages.error ? (
        <div className={styles.state}>
          <ErrorPanel
            title="Could not load the messages"
            error={messages.error}
            onRetry={() => messages.refetch()}
            retrying={messages.isFetching}
          />
        </div>
      ) : (
        <p className={styles.state} role="status">
          Loading messages…
        </p>
      )}
    </div>
  );
}
