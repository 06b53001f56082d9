import { Link, useLocation } from 'react-router';
import { Avatar } from '../components/ui/Avatar';
import { useForgetMe, useMe } from '../hooks/use-session';
import { withNext } from '../lib/next-path';
import { trpc } from '../lib/trpc';

/** The header's account corner: who is signed in, or the ways to sign in. */
export function UserMenu() {
  const me = useMe();
  const forgetMe = useForgetMe();
  const logout = trpc.auth.logout.useMutation({ onSuccess: () => forgetMe('/', 'You have signed out.') });

  // Holds the space while we ask, so the header does not jump.
  if (me.isPending) return <div className="user-menu user-menu--pending" />;
  if (!me.data) return <SignInLinks />;
  return (
    <div className="user-menu">
      <Link to="/account" className="user-menu__me" title="Account settings">
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

/** Both links bring the user back to this page, or keep the `next` of the login page they are on. */
function SignInLinks() {
  const { pathname, search } = useLocation();
  const onAuthPage = pathname === '/login' || pathname === '/register';
  const linkTo = (path: string) => (onAuthPage ? `${path}${search}` : withNext(path, pathname + search));
  return (
    <div className="user-menu">
      <Link to={linkTo('/login')} className="user-menu__link">
        Sign in
      </Link>
      <Link to={linkTo('/register')} className="button button--primary user-menu__register">
        Register
      </Link>
    </div>
  );
}
