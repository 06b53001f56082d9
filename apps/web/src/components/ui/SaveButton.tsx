import { useId } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useSavePost } from '../../hooks/use-save-post';
import { useMe } from '../../hooks/use-session';
import { errorMessage } from '../../lib/api-error';
import { cx } from '../../lib/class-names';
import { paths } from '../../lib/paths';
import { buttonClass } from './button';
import styles from './SaveButton.module.css';

interface SaveButtonProps {
  postId: string;
  saved: boolean;
  /** The listing's title, where several listings share the page: read out after the button's name. */
  titleId?: string;
  /** A round button over a card's photo, or a full-size one on the listing's page. */
  variant: 'card' | 'page';
  /** Told of each click, with the request: resolves when the server agreed, rejects when it refused. */
  onChange?: (saved: boolean, request: Promise<unknown>) => void;
}

/** The heart that saves a listing for later; a visitor is sent to sign in first, and back. */
export function SaveButton({ postId, saved, titleId, variant, onChange }: SaveButtonProps) {
  const me = useMe();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const toggle = useSavePost();
  const errorId = useId();

  function onClick() {
    if (!me.data) {
      void navigate(paths.login(pathname + search));
      return;
    }
    const request = toggle.mutateAsync({ postId, saved: !saved });
    // The refusal is shown from the mutation's state; the caller may watch it too.
    request.catch(() => {});
    onChange?.(!saved, request);
  }

  return (
    <div className={cx(styles.save, styles[variant])}>
      <button
        type="button"
        className={cx(buttonClass({ small: variant === 'card' }), styles.button)}
        aria-pressed={saved}
        aria-describedby={[titleId, toggle.error && errorId].filter(Boolean).join(' ') || undefined}
        // Until we know who is asking, a click could do neither.
        disabled={me.isPending}
        onClick={onClick}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d="M12 20.5s-7.5-4.6-9.3-9.4C1.5 7.8 3.6 4.5 7 4.5c2 0 3.7 1.1 5 2.9 1.3-1.8 3-2.9 5-2.9 3.4 0 5.5 3.3 4.3 6.6-1.8 4.8-9.3 9.4-9.3 9.4Z" />
        </svg>
        <span>{saved ? 'Saved' : 'Save'}</span>
      </button>
      {toggle.error && (
        <p id={errorId} className={styles.error} role="alert">
          {toggle.variables?.saved ? 'Could not save this home.' : 'Could not remove this home from Saved.'} {errorMessage(toggle.error)}
        </p>
      )}
    </div>
  );
}
