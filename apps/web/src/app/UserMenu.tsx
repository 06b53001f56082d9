import { Link, useLocation } from 'react-router';
import { Avatar } from '../components/ui/Avatar';
import { useNextPath } from '../hooks/use-next-path';
import { useForgetMe, useMe } from '../hooks/use-session';
import { paths, routes } from '../lib/paths';
import { trpc } from '../lib/trpc';

/** The header's account corner: who is signed in, or the ways to sign in. */
export function UserMenu() {
  const me = useMe();
  const forgetMe = useForgetMe();
  const logout = trpc.auth.logout.useMutation({ onSuccess: () => forgetMe(paths.home(), 'You have signed out.') });

  // Holds the space while we ask, so the header does not jump.
  if (me.isPending) return <div className="user-menu user-menu--pending" />;
  if (!me.data) return <SignInLinks />;
  return (
    <div className="user-menu">
      <Link to={paths.account()} className="user-menu__me" title="Account settings">
        <Avatar username={me.data.username} src={me.data.avatar} size="small" />
        <span className="user-menu__name">{me.data.username}</span>
      </Link>
      <button type="button" className="user-menu__sign-out" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {logout.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {logout.isError && (
        <p className="user-menu__error" role="alert">
          Could not sign out. Try again.
        </p>
      )}
    </div>
  );
}

/** Both links bring the user back to this page, or keep the `next` of the sign-in page they are on. */
function SignInLinks() {
  const { pathname, search } = useLocation();
  const nextParam = useNextPath();
  const next = pathname === routes.login || pathname === routes.register ? nextParam : pathname + search;
  return (
    <div className="user-menu">
      <Link to={paths.login(next)} className="user-menu__link">
        Sign in
      </Link>
      <Link to={paths.register(next)} className="button button--primary user-menu__register">
        Register
      </Link>
    </div>
  );
}
