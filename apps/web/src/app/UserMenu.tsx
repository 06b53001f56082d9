import { Link, useLocation } from 'react-router';
import { Avatar } from '../components/ui/Avatar';
import { buttonClass } from '../components/ui/button';
import { useNextPath } from '../hooks/use-next-path';
import { useMe, useSignOut } from '../hooks/use-session';
import { cx } from '../lib/class-names';
import { paths, routes } from '../lib/paths';
import styles from './UserMenu.module.css';

/** The header's account corner: who is signed in, or the ways to sign in. */
export function UserMenu() {
  const me = useMe();
  const logout = useSignOut();

  // Holds the space while we ask, so the header does not jump.
  if (me.isPending) return <div className={cx(styles.menu, styles.pending)} />;
  if (!me.data) return <SignInLinks />;
  return (
    <div className={styles.menu}>
      <Link to={paths.account()} className={styles.me} title="Account settings">
        <Avatar username={me.data.username} src={me.data.avatar} size="small" />
        <span className={`visually-hidden-narrow ${styles.name}`}>{me.data.username}</span>
      </Link>
      <button type="button" className={styles.signOut} onClick={() => logout.mutate()} disabled={logout.isPending}>
        {logout.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {logout.isError && (
        <p className={styles.error} role="alert">
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
    <div className={styles.menu}>
      <Link to={paths.login(next)} className={styles.link}>
        Sign in
      </Link>
      <Link to={paths.register(next)} className={cx(buttonClass({ variant: 'primary' }), styles.register)}>
        Register
      </Link>
    </div>
  );
}
