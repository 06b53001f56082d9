import type { ReactNode } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { PageLoading } from '../../components/ui/PageLoading';
import { useMe } from '../../hooks/use-session';
import { safeNextPath } from '../../lib/next-path';

/**
 * Renders a sign-in or registration page for visitors, given where to go afterwards
 * (`?next=`, or home); a signed-in user, including one who has just signed in here,
 * goes straight on there. The twin of RequireUser.
 */
export function RequireSignedOut({ children }: { children: (next: string) => ReactNode }) {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const me = useMe();
  if (me.data) return <Navigate to={next} replace />;
  if (me.isPending) return <PageLoading label="Loading…" />;
  return children(next);
}
