import { useRef } from 'react';
import { Outlet, useParams } from 'react-router';
import { cx } from '../../lib/class-names';
import { ChatList } from './ChatList';
import styles from './MessagesPage.module.css';
import { useKeepFocus } from './use-chat';

/**
 * The signed-in user's conversations: the list beside the open one on a wide screen; on a
 * narrow one, the list or the conversation (with a way back), each a screen of its own.
 */
export function MessagesPage() {
  const { chatId } = useParams();
  const heading = useRef<HTMLHeadingElement>(null);
  // Back on the list from a conversation (a screen of its own on a phone): the keyboard starts over here.
  useKeepFocus(heading, chatId ?? null);
  return (
    <div className={cx('container', styles.page, chatId ? styles.showConversation : styles.showList)}>
      <h1 ref={heading} className={styles.title} tabIndex={-1}>
        Messages
      </h1>
      <div className={styles.panes}>
        <nav className={styles.listPane} aria-label="Conversations">
          <ChatList activeId={chatId ?? null} />
        </nav>
        <div className={styles.conversationPane}>
          <Outlet />
        </div>
      </div>
    </div>
  );
}
