import type { RouterInputs } from '@estate/api';
import type { Bounds } from '@estate/api/schemas';
import { generatePath } from 'react-router';
import { withNext } from './next-path';

/** The filters a search page's address carries; paging is the results list's business. */
export type SearchFilters = Omit<RouterInputs['post']['search'], 'cursor' | 'limit'>;

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
] as const satisfies ReadonlyArray<keyof SearchFilters>;

/**
 * A map area as the address carries it: west,south,east,north (a bounding box's usual order),
 * to five decimals (about a metre), so an address reads the same however often it is rebuilt.
 */
export function boundsParam(bounds: Bounds): string {
  return [bounds.west, bounds.south, bounds.east, bounds.north].map((degrees) => Number(degrees.toFixed(5))).join(',');
}

/** The router's path patterns; `paths` builds addresses that match them. */
export const routes = {
  home: '/',
  search: '/search',
  post: '/posts/:id',
  profile: '/users/:username',
  account: '/account',
  myListings: '/my/listings',
  saved: '/saved',
  savedSearches: '/saved-searches',
  newListing: '/listings/new',
  editListing: '/posts/:id/edit',
  messages: '/messages',
  chat: '/messages/:chatId',
  login: '/login',
  register: '/register',
} as const;

/** Every address a page links or navigates to; path parameters are encoded. */
export const paths = {
  home: () => routes.home,
  /** Blank filters are left out, so the address names only real ones. */
  search(filters: SearchFilters = {}) {
    const params = new URLSearchParams();
    for (const field of searchFields) {
      const value = filters[field];
      if (value !== undefined && value !== '') params.set(field, typeof value === 'object' ? boundsParam(value) : String(value));
    }
    const query = params.toString();
    return query ? `${routes.search}?${query}` : routes.search;
  },
  post: (id: string) => generatePath(routes.post, { id }),
  profile: (username: string) => generatePath(routes.profile, { username }),
  account: () => routes.account,
  myListings: () => routes.myListings,
  saved: () => routes.saved,
  savedSearches: () => routes.savedSearches,
  newListing: () => routes.newListing,
  editListing: (id: string) => generatePath(routes.editListing, { id }),
  /** The signed-in user's conversations. */
  messages: () => routes.messages,
  /** One conversation, beside the others on a wide screen. */
  chat: (chatId: string) => generatePath(routes.chat, { chatId }),
  /** `next`: where to return after signing in. */
  login: (next: string = routes.home) => withNext(routes.login, next),
  register: (next: string = routes.home) => withNext(routes.register, next),
};
