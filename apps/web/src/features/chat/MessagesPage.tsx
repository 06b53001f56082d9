import { Outlet, useParams } from 'react-router';
import { cx } from '../../lib/class-names';
import { ChatList } from './ChatList';
import styles from './MessagesPage.module.css';

/**
 * The signed-in user's conversations: the list beside the open one on a wide screen; on a
 * narrow one, the list or the conversation (with a way back), each a screen of its own.
 */
export function MessagesPage() {
  const { chatId } = useParams();
  return (
    <div className={cx('container', styles.page, chatId ? styles.showConversation : styles.showList)}>
      <h1 className={styles.title}>Messages</h1>
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
