import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { buttonClass } from '../../components/ui/button';
import { DismissButton } from '../../components/ui/DismissButton';
import { PageHeader } from '../../components/ui/PageHeader';
import { PostList } from '../../components/ui/PostList';
import { ResultsMessage } from '../../components/ui/ResultsMessage';
import { useSavePost } from '../../hooks/use-save-post';
import { type ApiError, errorMessage } from '../../lib/api-error';
import type { PostCardData } from '../../lib/card-lists';
import { paths } from '../../lib/paths';
import styles from './SavedPage.module.css';
import { useSavedHomes } from './use-saved-homes';

/** The homes the signed-in user saved; unsaving one here removes its card, with a way to undo. */
export function SavedPage() {
  const saved = useSavedHomes();
  // Counted, so each removal gets a notice of its own, even of a home removed before.
  const [removed, setRemoved] = useState<{ post: PostCardData; error: ApiError | null; count: number } | null>(null);

  function onSaveChange(post: PostCardData, isSaved: boolean, request: Promise<unknown>) {
    if (isSaved) return;
    setRemoved((current) => ({ post, error: null, count: (current?.count ?? 0) + 1 }));
    // The card, and the button that could show the refusal, are gone: the notice says it.
    request.catch((error: ApiError) => setRemoved((current) => (current?.post.id === post.id ? { ...current, error } : current)));
  }

  return (
    <div className={`container ${styles.page}`}>
      <PageHeader title="Saved homes" description="Homes you saved, the most recent first." />
      <PostList
        results={saved}
        end="That's every home you saved."
        onSaveChange={onSaveChange}
        empty={
          <ResultsMessage>
            <h2>No saved homes yet</h2>
            <p>Press Save (♡) on any listing, in search results or on its page, and it will wait for you here.</p>
            <Link className={buttonClass({ variant: 'primary' })} to={paths.search()}>
              Browse listings
            </Link>
          </ResultsMessage>
        }
      />
      {removed && <RemovedNotice key={removed.count} post={removed.post} error={removed.error} onDismiss={() => setRemoved(null)} />}
    </div>
  );
}

interface RemovedNoticeProps {
  post: PostCardData;
  /** The server refused to unsave it, and its card came back. */
  error: ApiError | null;
  onDismiss: () => void;
}

/** Says which home left the list, with Undo; kept at the bottom of the screen, so the list does not move. */
function RemovedNotice({ post, error, onDismiss }: RemovedNoticeProps) {
  const undo = useSavePost();
  const notice = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  // The Save button that was pressed went with its card: the keyboard carries on from here.
  useEffect(() => undoButton.current?.focus(), []);

  function restore() {
    undo.mutate({ postId: post.id, saved: true });
    notice.current?.focus();
  }

  const title = <strong>“{post.title}”</strong>;
  // A refused undo may be tried again.
  const canUndo = !error && (undo.isIdle || undo.isError);
  return (
    <div ref={notice} className={styles.notice} tabIndex={-1}>
      <p role="status">
        {error ? (
          <>
            Could not remove {title}. {errorMessage(error)}
          </>
        ) : undo.error ? (
          <>
            Could not save {title} again. {errorMessage(undo.error)}
          </>
        ) : undo.isIdle ? (
          <>Removed {title} from your saved homes.</>
        ) : (
          <>{title} is back in your saved homes.</>
        )}
      </p>
      {canUndo && (
        <button ref={undoButton} type="button" className={buttonClass({ small: true })} onClick={restore}>
          Undo
        </button>
      )}
      <DismissButton onClick={onDismiss} />
    </div>
  );
}
