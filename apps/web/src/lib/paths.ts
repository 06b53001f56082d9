import { type SearchAddress, searchQuery } from '@estate/api/schemas';
import { generatePath } from 'react-router';
import { withNext } from './next-path';

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
  search(filters: SearchAddress = {}) {
    const query = searchQuery(filters);
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
