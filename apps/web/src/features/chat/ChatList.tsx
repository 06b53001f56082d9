import { Link } from 'react-router';
import { Avatar } from '../../components/ui/Avatar';
import { buttonClass } from '../../components/ui/button';
import { QueryState } from '../../components/ui/QueryState';
import { Skeleton } from '../../components/ui/Skeleton';
import { useSignedInUser } from '../../hooks/use-session';
import { errorMessage } from '../../lib/api-error';
import { cx } from '../../lib/class-names';
import { paths } from '../../lib/paths';
import styles from './ChatList.module.css';
import type { ChatSummary } from './chat-cache';
import { formatFull, formatListTime } from './chat-format';
import { useChatList } from './use-chat';

/** My conversations, the most recently active first, each with its unread count and last message. */
export function ChatList({ activeId }: { activeId: string | null }) {
  const chats = useChatList();
  const me = useSignedInUser();
  return (
    <QueryState query={chats} pending={<ChatListSkeleton />} errorTitle="Could not load your conversations">
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) {
          return (
            <div className={cx(styles.state, styles.empty)}>
              <h2>No conversations yet</h2>
              <p>Found a home you like? Press “Message the owner” on its page, and your conversation shows up here.</p>
              <Link className={buttonClass({ variant: 'primary', small: true })} to={paths.search()}>
                Browse listings
              </Link>
            </div>
          );
        }
        return (
          <>
            <ul className={styles.list}>
              {items.map((chat) => (
                <li key={chat.id}>
                  <ChatItem chat={chat} active={chat.id === activeId} meId={me.id} />
                </li>
              ))}
            </ul>
            {chats.hasNextPage && (
              <div className={styles.more}>
                {chats.isFetchNextPageError && chats.error && (
                  <p className={styles.error} role="alert">
                    Could not load more conversations. {errorMessage(chats.error)}
                  </p>
                )}
                <button
                  type="button"
                  className={buttonClass({ small: true })}
                  onClick={() => chats.fetchNextPage()}
                  disabled={chats.isFetchingNextPage}
                >
                  {chats.isFetchingNextPage ? 'Loading…' : 'Show older conversations'}
                </button>
              </div>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

function ChatListSkeleton() {
  return (
    <div aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading your conversations…
      </p>
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className={styles.skeleton}>
          <Skeleton className={styles.skeletonAvatar} />
          <div>
            <Skeleton line="medium" />
            <Skeleton line="full" />
          </div>
        </div>
      ))}
    </div>
  );
}

function ChatItem({ chat, active, meId }: { chat: ChatSummary; active: boolean; meId: string }) {
  const name = chat.otherUser?.username ?? 'Deleted account';
  const last = chat.lastMessage;
  const unread = chat.unreadCount > 0;
  return (
    <Link to={paths.chat(chat.id)} className={cx(styles.item, unread && styles.unread)} aria-current={active ? 'page' : undefined}>
      <Avatar username={chat.otherUser?.username ?? '?'} src={chat.otherUser?.avatar ?? null} size="medium" />
      <span className={styles.text}>
        <span className={styles.top}>
          <span className={cx(styles.name, chat.otherDeleted && styles.deleted)}>{name}</span>
          {last && (
            <time className={styles.time} dateTime={last.createdAt.toISOString()} title={formatFull(last.createdAt)}>
              {formatListTime(last.createdAt)}
            </time>
          )}
        </span>
        {chat.post && <span className={styles.about}>{chat.post.title}</span>}
        <span className={styles.bottom}>
          <span className={styles.preview}>
            {last ? (
              <>
                {last.senderId === meId && <span className={styles.you}>You: </span>}
                {last.text}
              </>
            ) : (
              <span className={styles.none}>No messages yet</span>
            )}
          </span>
          {unread && (
            <span className={styles.badge}>
              {chat.unreadCount}
              <span className="visually-hidden">{chat.unreadCount === 1 ? ' unread message' : ' unread messages'}</span>
            </span>
          )}
        </span>
      </span>
    </Link>
  );
}
