import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../components/ui/PageLoading';
import { QueryState } from '../components/ui/QueryState';
import { SignedInUser, useMe } from '../hooks/use-session';
import { paths } from '../lib/paths';

/**
 * The layout route of every signed-in page: renders it for the signed-in user (who pages read
 * with `useSignedInUser()`); anyone else is sent to sign in, and back here afterwards.
 */
export function RequireUser() {
  const me = useMe();
  const location = useLocation();
  return (
    <QueryState query={me} pending={<PageLoading label="Checking your sign-in…" />} errorTitle="Could not check your sign-in">
      {(user) =>
        user ? (
          <SignedInUser value={user}>
            <Outlet />
          </SignedInUser>
        ) : (
          <Navigate to={paths.login(location.pathname + location.search)} replace />
        )
      }
    </QueryState>
  );
}
