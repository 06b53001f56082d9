import { useId } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../../hooks/use-session';
import { useStartChat } from '../../hooks/use-start-chat';
import { errorMessage } from '../../lib/api-error';
import { cx } from '../../lib/class-names';
import { paths } from '../../lib/paths';
import { buttonClass } from './button';
import styles from './MessageOwnerButton.module.css';

/**
 * Opens the conversation with a listing's lister (the one already started, or a new one). A
 * visitor is sent to sign in first, and back to the listing.
 */
export function MessageOwnerButton({ postId }: { postId: string }) {
  const me = useMe();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const start = useStartChat();
  const errorId = useId();

  function onClick() {
    if (!me.data) {
      void navigate(paths.login(pathname + search));
      return;
    }
    start.mutate({ postId }, { onSuccess: (chat) => navigate(paths.chat(chat.id)) });
  }

  // Pending until the conversation's page has taken over.
  const opening = start.isPending || start.isSuccess;
  return (
    <div className={styles.contact}>
      <button
        type="button"
        className={cx(buttonClass({ variant: 'primary', block: true }), styles.button)}
        aria-describedby={start.error ? errorId : undefined}
        // Until we know who is asking, a click could do neither.
        disabled={me.isPending || opening}
        onClick={onClick}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H9l-5 4z" />
        </svg>
        {opening ? 'Opening the conversation…' : 'Message the owner'}
      </button>
      {start.error && (
        <p id={errorId} className={styles.error} role="alert">
          Could not open the conversation. {errorMessage(start.error)}
        </p>
      )}
    </div>
  );
}
