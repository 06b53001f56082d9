import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorPanel } from '../components/ui/ErrorPanel';
import { PageLoading } from '../components/ui/PageLoading';
import { SignedInUser, useMe } from '../hooks/use-session';
import { paths } from '../lib/paths';

/**
 * The layout route of every signed-in page: renders it for the signed-in user (who pages read
 * with `useSignedInUser()`); anyone else is sent to sign in, and back here afterwards.
 */
export function RequireUser() {
  const me = useMe();
  const location = useLocation();
  if (me.data) {
    return (
      <SignedInUser value={me.data}>
        <Outlet />
      </SignedInUser>
    );
  }
  if (me.isPending) return <PageLoading label="Checking your sign-in…" />;
  if (me.isError) {
    return (
      <div className="container page-message">
        <ErrorPanel title="Could not check your sign-in" error={me.error} onRetry={() => me.refetch()} retrying={me.isFetching} />
      </div>
    );
  }
  return <Navigate to={paths.login(location.pathname + location.search)} replace />;
}
