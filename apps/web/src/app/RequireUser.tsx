import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorPanel } from '../components/ui/ErrorPanel';
import { PageLoading } from '../components/ui/PageLoading';
import { type Me, useMe } from '../hooks/use-session';
import { withNext } from '../lib/next-path';

/** Renders its page for the signed-in user; anyone else is sent to sign in, and back here afterwards. */
export function RequireUser({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.data) return children(me.data);
  if (me.isPending) return <PageLoading label="Checking your sign-in…" />;
  if (me.isError) {
    return (
      <div className="container page-message">
        <ErrorPanel title="Could not check your sign-in" error={me.error} onRetry={() => me.refetch()} retrying={me.isFetching} />
      </div>
    );
  }
  return <Navigate to={withNext('/login', location.pathname + location.search)} replace />;
}
