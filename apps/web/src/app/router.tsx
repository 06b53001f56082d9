import { createBrowserRouter } from 'react-router';
import { PageLoading } from '../components/ui/PageLoading';
import { searchLoader } from '../features/search/search-loader';
import { routes } from '../lib/paths';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireSignedOut } from './RequireSignedOut';
import { RequireUser } from './RequireUser';
import { RouteError } from './RouteError';

function PageLoadingFallback() {
  return <PageLoading label="Loading…" />;
}

// Every page is loaded when first visited, with its own CSS, so a page's code (a map, an
// editor) never slows the others down.
export const router = createBrowserRouter([
  {
    Component: Layout,
    children: [
      {
        // Inside the layout, so a page that crashes keeps the header and footer, as does the
        // first page while its code loads.
        ErrorBoundary: RouteError,
        HydrateFallback: PageLoadingFallback,
        children: [
          { path: routes.home, lazy: { Component: async () => (await import('../features/search/HomePage')).HomePage } },
          {
            path: routes.search,
            // Not lazy: the results are asked for while the page's code loads, not after.
            loader: searchLoader,
            lazy: { Component: async () => (await import('../features/search/SearchPage')).SearchPage },
          },
          { path: routes.post, lazy: { Component: async () => (await import('../features/listings/PostPage')).PostPage } },
          { path: routes.profile, lazy: { Component: async () => (await import('../features/profile/ProfilePage')).ProfilePage } },
          {
            Component: RequireSignedOut,
            children: [
              { path: routes.login, lazy: { Component: async () => (await import('../features/auth/LoginPage')).LoginPage } },
              { path: routes.register, lazy: { Component: async () => (await import('../features/auth/RegisterPage')).RegisterPage } },
            ],
          },
          {
            Component: RequireUser,
            children: [
              { path: routes.account, lazy: { Component: async () => (await import('../features/account/AccountPage')).AccountPage } },
              {
                path: routes.myListings,
                lazy: { Component: async () => (await import('../features/listings/MyListingsPage')).MyListingsPage },
              },
              { path: routes.saved, lazy: { Component: async () => (await import('../features/saved/SavedPage')).SavedPage } },
              {
                path: routes.savedSearches,
                lazy: { Component: async () => (await import('../features/saved-searches/SavedSearchesPage')).SavedSearchesPage },
              },
              {
                path: routes.newListing,
                lazy: { Component: async () => (await import('../features/listings/editor/NewListingPage')).NewListingPage },
              },
              {
                path: routes.editListing,
                lazy: { Component: async () => (await import('../features/listings/editor/EditListingPage')).EditListingPage },
              },
              {
                // The list stays on screen while conversations open beside it.
                path: routes.messages,
                lazy: { Component: async () => (await import('../features/chat/MessagesPage')).MessagesPage },
                children: [
                  {
                    index: true,
                    lazy: { Component: async () => (await import('../features/chat/ConversationPage')).NoConversationPage },
                  },
                  {
                    path: routes.chat,
                    lazy: { Component: async () => (await import('../features/chat/ConversationPage')).ConversationPage },
                  },
                ],
              },
            ],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
