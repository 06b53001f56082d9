import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { PostPage } from '../features/listings/PostPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { HomePage } from '../features/search/HomePage';
import { SearchPage } from '../features/search/SearchPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireUser } from './RequireUser';
import { RouteError } from './RouteError';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        // Inside the layout, so a page that crashes keeps the header and footer.
        errorElement: <RouteError />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/search', element: <SearchPage /> },
          { path: '/posts/:id', element: <PostPage /> },
          { path: '/login', element: <LoginPage /> },
          { path: '/register', element: <RegisterPage /> },
          { path: '/account', element: <RequireUser>{(me) => <AccountPage me={me} />}</RequireUser> },
          { path: '/users/:username', element: <ProfilePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
