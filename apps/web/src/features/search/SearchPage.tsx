import { readSearchValues, type SearchAddress, toSearchFilters } from '@estate/api/schemas';
import { lazy, useId, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { buttonClass } from '../../components/ui/button';
import { MapSlot } from '../../components/ui/MapSlot';
import { Options } from '../../components/ui/Options';
import { PostList } from '../../components/ui/PostList';
import { ResultsMessage } from '../../components/ui/ResultsMessage';
import { Skeleton } from '../../components/ui/Skeleton';
import { usePageTitle } from '../../hooks/use-page-title';
import { type ApiError, fieldErrorsOf, isInputError } from '../../lib/api-error';
import { whenIdle } from '../../lib/idle';
import { paths } from '../../lib/paths';
import { SaveSearch } from './SaveSearch';
import { SearchForm } from './SearchForm';
import type { HighlightedHome } from './SearchMap';
import styles from './SearchPage.module.css';
import { describeSearch, formatTotal, sortLabel } from './search-params';
import { useMediaQuery } from './use-media-query';
import { useSearchResults } from './use-search-results';

// Leaflet is loaded with the map, after the results: a phone showing the list never loads it,
// and a wide screen asks for it once the results are drawn, so it does not hold up their photos.
const SearchMap = lazy(async () => {
  await whenIdle();
  return { default: (await import('./SearchMap')).SearchMap };
});

/** Results for the search in the query string, the page's single source of truth, beside a map of them. */
export function SearchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const values = readSearchValues(params);
  const filters = toSearchFilters(values);
  const heading = describeSearch(filters);
  usePageTitle(heading);

  const results = useSearchResults(filters);
  const first = results.data?.pages[0];
  // Side by side on a wide screen; a phone shows one at a time.
  const wide = useMediaQuery('(min-width: 1024px)');
  const [shown, setShown] = useState<'list' | 'map'>('list');
  const mapPane = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const [hovered, setHovered] = useState<HighlightedHome | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  // The list and the map stay where they are on screen: only the results change.
  function change(next: SearchAddress) {
    navigate(paths.search(next), { preventScrollReset: true });
  }
  const { bounds, sort, ...mapFilters } = filters;
  // The server refused the filters: nothing to show, or to save.
  const invalid = results.error && !results.data && isInputError(results.error);

  return (
    <div className={styles.page}>
      {/* Remounted per query string, so back and forward refill the fields. */}
      <SearchForm key={params.toString()} initial={values} fieldErrors={fieldErrorsOf(results.error)} />
      <div className={styles.body}>
        <section className={styles.results} aria-labelledby={headingId} hidden={!wide && shown === 'map'}>
          <header className={styles.header}>
            <div className={styles.title}>
              <h1 id={headingId}>{heading}</h1>
              <p className={styles.total} role="status">
                {first
                  ? formatTotal(first.total, first.totalCapped)
                  : results.isPending && <Skeleton line="short" className={styles.totalSkeleton} />}
              </p>
            </div>
            <div className={styles.tools}>
              {!invalid && <SaveSearch filters={filters} />}
              {bounds && (
                <Link className={buttonClass({ small: true })} to={paths.search({ ...filters, bounds: undefined })} preventScrollReset>
                  <span aria-hidden="true">×</span> Clear map area
                </Link>
              )}
              <label className={styles.sort}>
                <span>Sort</span>
                <select
                  value={sort ?? 'newest'}
                  onChange={(event) => {
                    const next = event.target.value as keyof typeof sortLabel;
                    change({ ...filters, sort: next === 'newest' ? undefined : next });
                  }}
                >
                  <Options labels={sortLabel} />
                </select>
              </label>
            </div>
          </header>
          {invalid ? (
            <SearchInputError error={results.error} filters={filters} />
          ) : (
            <PostList
              results={results}
              total={false}
              empty={<NoResults filters={filters} />}
              end="That's every listing that matches."
              selectedId={selectedId}
              onHover={setHovered}
            />
          )}
        </section>
        {(wide || shown === 'map') && (
          <div ref={mapPane} className={styles.mapPane}>
            {/* The results, and their heading, are hidden behind the map on a phone: it still names the page. */}
            {!wide && <h1 className="visually-hidden">{heading}</h1>}
            <MapSlot className={styles.mapSlot}>
              <SearchMap
                filters={mapFilters}
                area={bounds}
                listed={first?.items ?? (results.isError ? [] : undefined)}
                highlighted={hovered}
                onSelect={setSelectedId}
                onSearchArea={(area) => change({ ...filters, bounds: area })}
              />
            </MapSlot>
          </div>
        )}
      </div>
      {!wide && (
        <ListOrMap
          shown={shown}
          onShow={(next) => {
            setShown(next);
            // The map fills the screen below the header; the list starts at the top of the page.
            if (next === 'map') requestAnimationFrame(() => mapPane.current?.scrollIntoView());
            else window.scrollTo({ top: 0 });
          }}
        />
      )}
    </div>
  );
}

/** A phone's switch between the results and their map, at the bottom of the screen. */
function ListOrMap({ shown, onShow }: { shown: 'list' | 'map'; onShow: (shown: 'list' | 'map') => void }) {
  return (
    <fieldset className={styles.switch}>
      <legend className="visually-hidden">Show</legend>
      {(['list', 'map'] as const).map((view) => (
        <button key={view} type="button" className={styles.switchButton} aria-pressed={shown === view} onClick={() => onShow(view)}>
          {view === 'list' ? 'List' : 'Map'}
        </button>
      ))}
    </fieldset>
  );
}

/** The server refused the filters: their messages stand beside the fields above, or here for the map area. */
function SearchInputError({ error, filters }: { error: ApiError; filters: SearchAddress }) {
  const zod = error.data?.zodError;
  const areaInvalid = Object.keys(zod?.fieldErrors ?? {}).some((field) => field.startsWith('bounds'));
  return (
    <ResultsMessage role="alert">
      <h2>Check your search</h2>
      <p>{zod?.formErrors.length ? zod.formErrors.join(' ') : 'Some of the fields above need fixing before we can search.'}</p>
      {areaInvalid && (
        <>
          <p>The map area in this address is not one we can search.</p>
          <Link className={buttonClass()} to={paths.search({ ...filters, bounds: undefined })}>
            Search without the map area
          </Link>
        </>
      )}
    </ResultsMessage>
  );
}

/** Nothing matches: one way to widen the search for each filter that narrows it. */
function NoResults({ filters }: { filters: SearchAddress }) {
  const wider: Array<[string, SearchAddress]> = [];
  if (filters.bounds) wider.push(['Search the whole map', { ...filters, bounds: undefined }]);
  if (filters.q) wider.push(['Remove the keywords', { ...filters, q: undefined }]);
  if (filters.minPrice !== undefined || filters.maxPrice !== undefined)
    wider.push(['Any price', { ...filters, minPrice: undefined, maxPrice: undefined }]);
  if (filters.property || filters.minBedrooms !== undefined || filters.minBathrooms !== undefined)
    wider.push([
      'Any property, bedrooms and bathrooms',
      { ...filters, property: undefined, minBedrooms: undefined, minBathrooms: undefined },
    ]);
  if (filters.type) wider.push(['Buy or rent', { ...filters, type: undefined }]);
  if (filters.city) wider.push(['Any city', { ...filters, city: undefined, bounds: undefined }]);
  return (
    <ResultsMessage>
      <h2>No listings match your search</h2>
      <p>Widen it: {wider.length > 1 ? 'drop one of the filters, or start again.' : 'start again with every listing.'}</p>
      <ul className={styles.wider}>
        {wider.map(([label, next]) => (
          <li key={label}>
            <Link className={buttonClass({ small: true })} to={paths.search(next)}>
              {label}
            </Link>
          </li>
        ))}
        <li>
          <Link className={buttonClass({ small: true, variant: 'primary' })} to={paths.search()}>
            Show all listings
          </Link>
        </li>
      </ul>
    </ResultsMessage>
  );
}
