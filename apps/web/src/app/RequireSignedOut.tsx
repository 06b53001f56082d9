import { Navigate, Outlet } from 'react-router';
import { PageLoading } from '../components/ui/PageLoading';
import { useNextPath } from '../hooks/use-next-path';
import { useMe } from '../hooks/use-session';

/**
 * The layout route of the sign-in and registration pages, for visitors: a signed-in user,
 * including one who has just signed in here, goes straight on to `?next=` (or home).
 */
export function RequireSignedOut() {
  const next = useNextPath();
  const me = useMe();
  if (me.data) return <Navigate to={next} replace />;
  if (me.isPending) return <PageLoading label="Loading…" />;
  return <Outlet />;
}
