import { Link, useSearchParams } from 'react-router';
import { buttonClass } from '../../components/ui/button';
import { PostList } from '../../components/ui/PostList';
import { ResultsMessage } from '../../components/ui/ResultsMessage';
import { usePageTitle } from '../../hooks/use-page-title';
import { type ApiError, fieldErrorsOf, isInputError } from '../../lib/api-error';
import { paths } from '../../lib/paths';
import { SearchForm } from './SearchForm';
import styles from './SearchPage.module.css';
import { describeSearch, readSearchValues, toSearchFilters } from './search-params';
import { useSearchResults } from './use-search-results';

/** Results for the search in the query string, the page's single source of truth. */
export function SearchPage() {
  const [params] = useSearchParams();
  const values = readSearchValues(params);
  const filters = toSearchFilters(values);
  const heading = describeSearch(filters);
  usePageTitle(heading);

  const results = useSearchResults(filters);

  return (
    <div className={`container ${styles.page}`}>
      {/* Remounted per query string, so back and forward refill the fields. */}
      <SearchForm key={params.toString()} initial={values} fieldErrors={fieldErrorsOf(results.error)} />
      <h1 className={styles.heading}>{heading}</h1>
      {results.error && !results.data && isInputError(results.error) ? (
        <SearchInputError error={results.error} />
      ) : (
        <PostList results={results} empty={<NoResults />} end="That's every listing that matches." />
      )}
    </div>
  );
}

/** The server refused the filters: their messages stand beside the fields above. */
function SearchInputError({ error }: { error: ApiError }) {
  const formErrors = error.data?.zodError?.formErrors ?? [];
  return (
    <ResultsMessage role="alert">
      <h2>Check your search</h2>
      <p>{formErrors.length ? formErrors.join(' ') : 'Some of the fields above need fixing before we can search.'}</p>
    </ResultsMessage>
  );
}

function NoResults() {
  return (
    <ResultsMessage>
      <h2>No listings match your search</h2>
      <p>Try another city, either type, or a wider price range.</p>
      <Link className={buttonClass()} to={paths.search()}>
        Show all listings
      </Link>
    </ResultsMessage>
  );
}
