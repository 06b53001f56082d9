import { type ReactNode, useEffect, useId, useMemo, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { Avatar } from '../../components/ui/Avatar';
import { buttonClass } from '../../components/ui/button';
import { QueryState } from '../../components/ui/QueryState';
import { Skeleton } from '../../components/ui/Skeleton';
import { useDocumentVisible } from '../../hooks/use-document-visible';
import { usePageTitle } from '../../hooks/use-page-title';
import { useSignedInUser } from '../../hooks/use-session';
import { type ApiError, isNotFound } from '../../lib/api-error';
import { cx } from '../../lib/class-names';
import { paths } from '../../lib/paths';
import { Composer } from './Composer';
import styles from './ConversationPage.module.css';
import { type ChatSummary, setViewingChat } from './chat-cache';
import { MessageLog } from './MessageLog';
import { useChat, useChatList, useChatMessages, useKeepFocus, useMarkRead } from './use-chat';

/** A chat that is not there, or not ours: the same answer, so nothing tells them apart. */
function isMissing(error: ApiError): boolean {
  return isNotFound(error) || error.data?.code === 'FORBIDDEN';
}

/** One conversation (`/messages/:chatId`): who it is with, its messages and the composer. */
export function ConversationPage() {
  const { chatId = '' } = useParams();
  const chat = useChat(chatId);
  if (!chat.data && chat.error && isMissing(chat.error)) {
    return (
      <PaneMessage title="Conversation not found">
        <p>It does not exist, or it is not one of yours.</p>
      </PaneMessage>
    );
  }
  return (
    <QueryState query={chat} pending={<ConversationSkeleton />} errorTitle="Could not load this conversation">
      {(data) => <Conversation key={chatId} chat={data} />}
    </QueryState>
  );
}

/** The index of /messages on a wide screen, beside the list. */
export function NoConversationPage() {
  usePageTitle('Messages');
  const chats = useChatList();
  const none = chats.data?.pages[0]?.items.length === 0;
  return (
    <PaneMessage title={none ? 'Nothing to read yet' : 'Your messages'} back={false}>
      <p>{none ? 'When you message a lister, your conversation opens here.' : 'Pick a conversation to read it and reply.'}</p>
    </PaneMessage>
  );
}

function Conversation({ chat }: { chat: ChatSummary }) {
  const me = useSignedInUser();
  const messages = useChatMessages(chat.id);
  const name = chat.otherUser?.username ?? 'Deleted account';
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from the list on a phone, where the list is gone now: the keyboard starts here.
  useKeepFocus(heading, chat.id);
  usePageTitle(chat.otherUser ? `Messages with ${name}` : 'Messages');

  const newestIncoming = useMemo(() => {
    if (!messages.data) return undefined;
    return messages.data.pages.flatMap((page) => page.items).find((message) => message.senderId !== me.id)?.id ?? null;
  }, [messages.data, me.id]);
  useReadWhileVisible(chat, newestIncoming, me.id);

  return (
    <section className={styles.pane} aria-labelledby={titleId}>
      <header className={styles.header}>
        <BackLink />
        <Avatar username={chat.otherUser?.username ?? '?'} src={chat.otherUser?.avatar ?? null} size="small" />
        <div className={styles.who}>
          <h2 ref={heading} id={titleId} className={styles.name} tabIndex={-1}>
            {chat.otherUser ? (
              <Link to={paths.profile(chat.otherUser.username)}>{name}</Link>
            ) : (
              <span className={styles.deleted}>{name}</span>
            )}
          </h2>
          {chat.post && (
            <p className={styles.about}>
              About <Link to={paths.post(chat.post.id)}>{chat.post.title}</Link>
            </p>
          )}
        </div>
      </header>
      <MessageLog chat={chat} messages={messages} meId={me.id} name={name} />
      <Composer chat={chat} name={name} />
    </section>
  );
}

/**
 * While the conversation is on screen (open, and the page visible), its messages are read: on
 * opening, when the page comes back into view with unread messages, and as new ones arrive.
 * `newestIncoming`: the newest message from the other person (null: none), once loaded.
 */
function useReadWhileVisible(chat: ChatSummary, newestIncoming: string | null | undefined, meId: string) {
  const visible = useDocumentVisible();
  const { mutateAsync } = useMarkRead(meId);
  // The newest message from the other person when we last marked the chat read, and whether the server refused.
  const marked = useRef<{ newest: string | null; refused: boolean } | null>(null);
  const hasUnread = chat.unreadCount > 0;

  useEffect(() => {
    if (!visible) return;
    setViewingChat(chat.id);
    return () => setViewingChat(null);
  }, [visible, chat.id]);

  useEffect(() => {
    if (!visible) {
      // A refusal is tried again when the page comes back into view.
      if (marked.current?.refused) marked.current = null;
      return;
    }
    if (newestIncoming === undefined) return;
    // Its unread count, put back after a refusal, is not asked about again until there is news.
    if (marked.current?.newest === newestIncoming && (!hasUnread || marked.current.refused)) return;
    const attempt = { newest: newestIncoming, refused: false };
    marked.current = attempt;
    mutateAsync({ chatId: chat.id }).catch(() => {
      attempt.refused = true;
    });
  }, [visible, chat.id, hasUnread, newestIncoming, mutateAsync]);
}

/** Back to the list, on a narrow screen where the list is a screen of its own. */
function BackLink() {
  return (
    <Link to={paths.messages()} className={styles.back}>
      <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
        <path d="M12.5 4 6.5 10l6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="visually-hidden">Back to conversations</span>
    </Link>
  );
}

function PaneMessage({ title, children, back = true }: { title: string; children: ReactNode; back?: boolean }) {
  return (
    <div className={cx(styles.pane, styles.messagePane)}>
      {back && (
        <div className={cx(styles.header, styles.narrowOnly)}>
          <BackLink />
        </div>
      )}
      <div className={styles.message}>
        <svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true">
          <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H9l-5 4z" />
        </svg>
        <h2>{title}</h2>
        {children}
        {back && (
          <Link className={buttonClass({ small: true })} to={paths.messages()}>
            All conversations
          </Link>
        )}
      </div>
    </div>
  );
}

function ConversationSkeleton() {
  return (
    <div className={styles.pane} aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading the conversation…
      </p>
      <div className={styles.header}>
        <Skeleton className={styles.skeletonAvatar} />
        <Skeleton line="short" className={styles.skeletonName} />
      </div>
    </div>
  );
}
