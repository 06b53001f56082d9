import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout';
import { RequireUser } from './components/RequireUser';
import { RouteError } from './components/RouteError';
import { AccountPage } from './pages/AccountPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PostPage } from './pages/PostPage';
import { ProfilePage } from './pages/ProfilePage';
import { RegisterPage } from './pages/RegisterPage';
import { SearchPage } from './pages/SearchPage';

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
