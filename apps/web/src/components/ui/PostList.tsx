import type { ReactNode } from 'react';
import { type ApiError, errorMessage } from '../../lib/api-error';
import { formatCount } from '../../lib/format';
import { ErrorPanel } from './ErrorPanel';
import { PostCard, type PostCardData, PostCardSkeleton } from './PostCard';
import './PostList.css';

/** What this list needs of a `post.search` or `post.byUser` infinite query. */
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
  /** How many listings there are in all, when known: the count then shows only while some are not loaded. */
  total?: number;
  /** Said below the last page. */
  end?: string;
}

/** Listing cards a page at a time, with their loading, error and empty states and a "Load more" button. */
export function PostList({ results, empty, total, end }: PostListProps) {
  if (!results.data) {
    if (!results.error) return <PostListSkeleton />;
    return (
      <ErrorPanel title="Could not load listings" error={results.error} onRetry={() => results.refetch()} retrying={results.isFetching} />
    );
  }
  const posts = results.data.pages.flatMap((page) => page.items);
  if (posts.length === 0) return empty;
  return (
    <>
      {(total === undefined || total > posts.length) && (
        <p className="post-list__count" role="status">
          Showing {total === undefined ? formatCount(posts.length, 'listing') : `${posts.length} of ${formatCount(total, 'listing')}`}
        </p>
      )}
      <ul className="card-grid">
        {posts.map((post) => (
          <li key={post.id}>
            <PostCard post={post} />
          </li>
        ))}
      </ul>
      {(results.hasNextPage || results.isFetchNextPageError || end) && (
        <div className="post-list__more">
          {results.isFetchNextPageError && results.error && (
            <p className="field-error" role="alert">
              Could not load more listings. {errorMessage(results.error)}
            </p>
          )}
          {results.hasNextPage ? (
            <button
              type="button"
              className="button"
              onClick={() => results.fetchNextPage()}
              disabled={results.isFetchingNextPage}
              aria-busy={results.isFetchingNextPage}
            >
              {results.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : (
            <p className="post-list__end">{end}</p>
          )}
        </div>
      )}
    </>
  );
}

function PostListSkeleton() {
  return (
    <div aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading listings…
      </p>
      <div className="card-grid">
        {['a', 'b', 'c', 'd', 'e', 'f'].map((key) => (
          <PostCardSkeleton key={key} />
        ))}
      </div>
    </div>
  );
}
