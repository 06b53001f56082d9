import { Link, useSearchParams } from 'react-router';
import { ErrorPanel } from '../components/ErrorPanel';
import { PostCard, type PostCardData, PostCardSkeleton } from '../components/PostCard';
import { SearchForm } from '../components/SearchForm';
import { type ApiError, errorMessage, fieldErrorsOf, isInputError } from '../lib/api-error';
import { formatCount } from '../lib/format';
import { describeSearch, readSearchValues, toSearchFilters } from '../lib/search-params';
import { usePageTitle } from '../lib/use-page-title';
import { trpc } from '../trpc';
import './SearchPage.css';

const pageSize = 12;

/** Results for the search in the query string, the page's single source of truth. */
export function SearchPage() {
  const [params] = useSearchParams();
  const values = readSearchValues(params);
  const filters = toSearchFilters(values);
  const heading = describeSearch(filters);
  usePageTitle(heading);

  const results = trpc.post.search.useInfiniteQuery({ ...filters, limit: pageSize }, { getNextPageParam: (page) => page.nextCursor });

  return (
    <div className="container search-page">
      {/* Remounted per query string, so back and forward refill the fields. */}
      <SearchForm key={params.toString()} initial={values} fieldErrors={fieldErrorsOf(results.error)} />
      <h1 className="search-page__heading">{heading}</h1>
      {results.isPending ? (
        <ResultsSkeleton />
      ) : results.isError && !results.data ? (
        <ResultsError error={results.error} onRetry={() => results.refetch()} retrying={results.isFetching} />
      ) : (
        <ResultsList
          posts={results.data.pages.flatMap((page) => page.items)}
          hasMore={results.hasNextPage}
          loadingMore={results.isFetchingNextPage}
          loadMoreError={results.isFetchNextPageError ? results.error : null}
          onLoadMore={() => results.fetchNextPage()}
        />
      )}
    </div>
  );
}

function ResultsSkeleton() {
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

function ResultsError({ error, onRetry, retrying }: { error: ApiError; onRetry: () => void; retrying: boolean }) {
  if (isInputError(error)) {
    const formErrors = error.data?.zodError?.formErrors ?? [];
    return (
      <div className="results-message" role="alert">
        <h2>Check your search</h2>
        <p>{formErrors.length ? formErrors.join(' ') : 'Some of the fields above need fixing before we can search.'}</p>
      </div>
    );
  }
  return <ErrorPanel title="Could not load listings" error={error} onRetry={onRetry} retrying={retrying} />;
}

interface ResultsListProps {
  posts: PostCardData[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreError: ApiError | null;
  onLoadMore: () => void;
}

function ResultsList({ posts, hasMore, loadingMore, loadMoreError, onLoadMore }: ResultsListProps) {
  if (posts.length === 0) {
    return (
      <div className="results-message">
        <h2>No listings match your search</h2>
        <p>Try another city, either type, or a wider price range.</p>
        <Link className="button" to="/search">
          Show all listings
        </Link>
      </div>
    );
  }
  return (
    <>
      <p className="search-page__count" role="status">
        Showing {formatCount(posts.length, 'listing')}
      </p>
      <ul className="card-grid">
        {posts.map((post) => (
          <li key={post.id}>
            <PostCard post={post} />
          </li>
        ))}
      </ul>
      <div className="search-page__more">
        {loadMoreError && (
          <p className="field-error" role="alert">
            Could not load more listings. {errorMessage(loadMoreError)}
          </p>
        )}
        {hasMore ? (
          <button type="button" className="button" onClick={onLoadMore} disabled={loadingMore} aria-busy={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        ) : (
          <p className="search-page__end">That's every listing that matches.</p>
        )}
      </div>
    </>
  );
}
