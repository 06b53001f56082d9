import { type ReactNode, useEffect, useRef } from 'react';
import { type ApiError, errorMessage } from '../../lib/api-error';
import type { PostCardData } from '../../lib/card-lists';
import { formatCount } from '../../lib/format';
import { buttonClass } from './button';
import { firstScreen } from './card-cover';
import { ErrorPanel } from './ErrorPanel';
import { ErrorText } from './Field';
import { PostCard, PostCardSkeleton } from './PostCard';
import styles from './PostList.module.css';

/** What this list needs of an infinite query of cards (`post.search`, `post.byUser`, `post.mine`, `savedPost.list`). */
export interface PagedPosts {
  data: { pages: Array<{ items: PostCardData[] }> } | undefined;
  error: ApiError | null;
  hasNextPage: boolean;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

interface PostListProps {
  results: PagedPosts;
  /** Stands in for a list with no listings. */
  empty: ReactNode;
  /**
   * How many listings there are in all, when known: then a list that fits on one page needs no
   * count. `false`: the page says how many itself.
   */
  total?: number | false;
  /** Said below the last page. */
  end?: string;
  /** Buttons at the bottom of each card (Edit, Delete), described by the card's title. */
  actions?: (post: PostCardData, titleId: string) => ReactNode;
  onSaveChange?: (post: PostCardData, saved: boolean, request: Promise<unknown>) => void;
  /** A card picked elsewhere (its marker on a map): it stands out, scrolled into view. */
  selectedId?: string | null;
  /** Told of the card the pointer or focus is on, or null when it leaves the list. */
  onHover?: (post: PostCardData | null) => void;
}

/** Listing cards a page at a time, with their loading, error and empty states and a "Load more" button. */
export function PostList({ results, empty, total, end, actions, onSaveChange, selectedId = null, onHover }: PostListProps) {
  const selected = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!selectedId) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    selected.current?.scrollIntoView({ block: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
  }, [selectedId]);
  if (!results.data) {
    if (!results.error) {
      return (
        <div aria-busy="true">
          <p className="visually-hidden" role="status">
            Loading listings…
          </p>
          <PostCardsSkeleton count={6} />
        </div>
      );
    }
    return (
      <ErrorPanel title="Could not load listings" error={results.error} onRetry={() => results.refetch()} retrying={results.isFetching} />
    );
  }
  const posts = results.data.pages.flatMap((page) => page.items);
  if (posts.length === 0) return empty;
  return (
    <>
      {total !== false && (total === undefined || total > posts.length || results.data.pages.length > 1) && (
        <p className={styles.count} role="status">
          Showing {total === undefined ? formatCount(posts.length, 'listing') : `${posts.length} of ${formatCount(total, 'listing')}`}
        </p>
      )}
      <ul className={styles.grid}>
        {posts.map((post, index) => (
          <li
            key={post.id}
            ref={post.id === selectedId ? selected : undefined}
            className={styles.item}
            onMouseEnter={onHover && (() => onHover(post))}
            onMouseLeave={onHover && (() => onHover(null))}
            onFocus={onHover && (() => onHover(post))}
            onBlur={onHover && (() => onHover(null))}
          >
            <PostCard
              post={post}
              priority={index < firstScreen}
              selected={post.id === selectedId}
              actions={actions && ((titleId) => actions(post, titleId))}
              onSaveChange={onSaveChange && ((saved, request) => onSaveChange(post, saved, request))}
            />
          </li>
        ))}
      </ul>
      {(results.hasNextPage || results.isFetchNextPageError || end) && (
        <div className={styles.more}>
          {results.isFetchNextPageError && results.error && (
            <ErrorText role="alert">Could not load more listings. {errorMessage(results.error)}</ErrorText>
          )}
          {results.hasNextPage ? (
            <button
              type="button"
              className={buttonClass()}
              onClick={() => results.fetchNextPage()}
              disabled={results.isFetchingNextPage}
              aria-busy={results.isFetchingNextPage}
            >
              {results.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : (
            <p className={styles.end}>{end}</p>
          )}
        </div>
      )}
    </>
  );
}

/** Cards' shapes while a list loads. */
export function PostCardsSkeleton({ count }: { count: number }) {
  return (
    <div className={styles.grid}>
      {Array.from({ length: count }, (_, index) => (
        <PostCardSkeleton key={index} />
      ))}
    </div>
  );
}
