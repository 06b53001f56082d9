import { PostType, Property } from '@estate/db/enums';
import type { Bounds, SearchFilters } from './search.js';

// The search page's address (`/search?city=Denver&maxPrice=2500`): the web app writes it and
// reads it back, and the server reads it to put the first page of results in the page's HTML.
// No zod here, so the web app's first script can import it.

export const SEARCH_SORTS = ['newest', 'price_asc', 'price_desc'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** What a search page's address carries: the filters and the order (paging is the list's business). */
export type SearchAddress = SearchFilters & { sort?: SearchSort | undefined };

/** The query-string fields of a search, in the order the address lists them. */
export const searchFields = [
  'city',
  'type',
  'property',
  'minPrice',
  'maxPrice',
  'minBedrooms',
  'minBathrooms',
  'q',
  'sort',
  'bounds',
] as const satisfies ReadonlyArray<keyof SearchAddress>;

export type SearchField = (typeof searchFields)[number];

/** A search's values as text, exactly as the query string (or the search form) carries them. */
export type SearchValues = Record<SearchField, string>;

export const blankSearch = Object.fromEntries(searchFields.map((field) => [field, ''])) as SearchValues;

/** The element of the search page's HTML that holds its first page of results, when the server put it there. */
export const FIRST_PAGE_ELEMENT_ID = 'estate-first-page';

/** How many listings a page of results shows. */
export const SEARCH_PAGE_SIZE = 12;

/** The query string of a search (`city=Denver&maxPrice=2500`); blank filters are left out, so it names only real ones. */
export function searchQuery(filters: SearchAddress): string {
  const params = new URLSearchParams();
  for (const field of searchFields) {
    const value = filters[field];
    if (value !== undefined && value !== '') params.set(field, typeof value === 'object' ? boundsParam(value) : String(value));
  }
  return params.toString();
}

export function readSearchValues(read: { get(name: string): unknown }): SearchValues {
  const text = (field: SearchField) => {
    const value = read.get(field);
    return typeof value === 'string' ? value.trim() : '';
  };
  return Object.fromEntries(searchFields.map((field) => [field, text(field)])) as SearchValues;
}

function isOneOf<K extends string>(values: readonly K[], value: string): value is K {
  return (values as readonly string[]).includes(value);
}

/**
 * The API input for the values. Numbers are passed on even when they are not valid (NaN), so
 * the server's message about them appears beside the field like any other; so are the edges
 * of a map area.
 */
export function toSearchFilters(values: SearchValues): SearchAddress {
  return {
    ...(values.city && { city: values.city }),
    ...(isOneOf(Object.values(PostType), values.type) && { type: values.type }),
    ...(isOneOf(Object.values(Property), values.property) && { property: values.property }),
    ...(values.minPrice && { minPrice: Number(values.minPrice) }),
    ...(values.maxPrice && { maxPrice: Number(values.maxPrice) }),
    ...(values.minBedrooms && { minBedrooms: Number(values.minBedrooms) }),
    ...(values.minBathrooms && { minBathrooms: Number(values.minBathrooms) }),
    ...(values.q && { q: values.q }),
    ...(isOneOf(SEARCH_SORTS, values.sort) && { sort: values.sort }),
    ...(values.bounds && { bounds: parseBounds(values.bounds) }),
  };
}

/** The first page of results `post.search` is asked for, for the search at this address. */
export function firstSearchPage(filters: SearchAddress) {
  return { ...filters, limit: SEARCH_PAGE_SIZE };
}

/**
 * A map area as the address carries it: west,south,east,north (a bounding box's usual order),
 * to five decimals (about a metre), so an address reads the same however often it is rebuilt.
 */
export function boundsParam(bounds: Bounds): string {
  return [bounds.west, bounds.south, bounds.east, bounds.north].map((degrees) => Number(degrees.toFixed(5))).join(',');
}

/** `west,south,east,north`, as `boundsParam` writes it. */
function parseBounds(text: string): Bounds {
  const [west, south, east, north] = text.split(',').map(Number);
  return { west: west ?? Number.NaN, south: south ?? Number.NaN, east: east ?? Number.NaN, north: north ?? Number.NaN };
}
