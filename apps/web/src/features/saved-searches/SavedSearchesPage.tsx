import { type MouseEvent, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useLocation, useNavigate } from 'react-router';
import { buttonClass } from '../../components/ui/button';
import { ErrorText } from '../../components/ui/Field';
import { PageHeader } from '../../components/ui/PageHeader';
import { QueryState } from '../../components/ui/QueryState';
import { ResultsMessage } from '../../components/ui/ResultsMessage';
import { Skeleton } from '../../components/ui/Skeleton';
import { errorMessage } from '../../lib/api-error';
import { cx } from '../../lib/class-names';
import { paths } from '../../lib/paths';
import { DeleteSearchDialog } from './DeleteSearchDialog';
import { RenameSearchDialog } from './RenameSearchDialog';
import styles from './SavedSearchesPage.module.css';
import { type SavedSearch, useOpenSavedSearch, useSavedSearches } from './use-saved-searches';

/** The signed-in user's saved searches, each with its new homes, to open, rename or delete. */
export function SavedSearchesPage() {
  const searches = useSavedSearches();
  const heading = useRef<HTMLHeadingElement>(null);
  const renameDialog = useRef<HTMLDialogElement>(null);
  const deleteDialog = useRef<HTMLDialogElement>(null);
  const [renaming, setRenaming] = useState<SavedSearch | null>(null);
  const [deleting, setDeleting] = useState<SavedSearch | null>(null);
  const location = useLocation();
  const navigate = useNavigate();

  // The dialog shows the search chosen before it opens, so its field starts with that name.
  function rename(search: SavedSearch) {
    flushSync(() => setRenaming(search));
    renameDialog.current?.showModal();
    renameDialog.current?.querySelector('input')?.select();
  }

  function confirmDelete(search: SavedSearch) {
    setDeleting(search);
    deleteDialog.current?.showModal();
  }

  function deleted(name: string) {
    void navigate(location, { replace: true, state: { notice: `“${name}” was deleted.` } });
    // The button that opened the dialog went with its search: focus starts again at the top.
    heading.current?.focus();
  }

  return (
    <div className={`container ${styles.page}`}>
      <PageHeader
        title="Saved searches"
        headingRef={heading}
        description="Each one counts the homes listed since you last opened it; while you are on Estate, an alert tells you of each new one."
      />
      <QueryState query={searches} pending={<SavedSearchesSkeleton />} errorTitle="Could not load your saved searches" inline>
        {(list) =>
          list.length === 0 ? (
            <ResultsMessage>
              <h2>No saved searches yet</h2>
              <p>Search for homes, then press “Save this search”: you will hear of every new home that matches it.</p>
              <Link className={buttonClass({ variant: 'primary' })} to={paths.search()}>
                Search homes
              </Link>
            </ResultsMessage>
          ) : (
            <ul className={styles.list}>
              {list.map((search) => (
                <li key={search.id}>
                  <SavedSearchCard search={search} onRename={() => rename(search)} onDelete={() => confirmDelete(search)} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <RenameSearchDialog ref={renameDialog} search={renaming} />
      <DeleteSearchDialog ref={deleteDialog} search={deleting} onDeleted={deleted} />
    </div>
  );
}

interface SavedSearchCardProps {
  search: SavedSearch;
  onRename: () => void;
  onDelete: () => void;
}

function SavedSearchCard({ search, onRename, onDelete }: SavedSearchCardProps) {
  const nameId = useId();
  const navigate = useNavigate();
  const open = useOpenSavedSearch();

  // Seen first, then shown. A click that opens a new tab or window is left to the browser (the address is the same).
  function onOpen(event: MouseEvent<HTMLAnchorElement>) {
    const elsewhere = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (!elsewhere) event.preventDefault();
    if (open.isPending) return;
    open.mutate(
      { id: search.id },
      {
        onSuccess(filters) {
          if (!elsewhere) void navigate(paths.search(filters));
        },
      },
    );
  }

  return (
    <article className={styles.card} aria-labelledby={nameId}>
      <div className={styles.top}>
        <h2 id={nameId} className={styles.name}>
          {search.name}
        </h2>
        {search.newCount > 0 && (
          <span className={styles.new}>
            {search.newCount} new<span className="visually-hidden"> {search.newCount === 1 ? 'home' : 'homes'}</span>
          </span>
        )}
      </div>
      {/* A default name is the summary already. */}
      {search.summary !== search.name && <p className={styles.summary}>{search.summary}</p>}
      <div className={styles.actions}>
        <Link
          className={buttonClass({ variant: 'primary', small: true })}
          to={paths.search(search.filters)}
          onClick={onOpen}
          aria-describedby={nameId}
          aria-disabled={open.isPending || undefined}
        >
          {open.isPending ? 'Opening…' : 'Open'}
        </Link>
        <button type="button" className={buttonClass({ small: true })} onClick={onRename} aria-describedby={nameId}>
          Rename
        </button>
        <button type="button" className={buttonClass({ variant: 'danger', small: true })} onClick={onDelete} aria-describedby={nameId}>
          Delete
        </button>
      </div>
      {open.error && <ErrorText role="alert">Could not open this search. {errorMessage(open.error)}</ErrorText>}
    </article>
  );
}

function SavedSearchesSkeleton() {
  return (
    <div aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading your saved searches…
      </p>
      <div className={styles.list}>
        {[0, 1, 2].map((i) => (
          <div key={i} className={styles.card}>
            <div>
              <Skeleton line="medium" />
              <Skeleton line="short" />
            </div>
            <Skeleton className={cx(styles.actions, styles.skeletonActions)} />
          </div>
        ))}
      </div>
    </div>
  );
}
