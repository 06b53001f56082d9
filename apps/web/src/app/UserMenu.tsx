import { useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { Avatar } from '../components/ui/Avatar';
import { buttonClass } from '../components/ui/button';
import { useUnreadChats } from '../features/chat/use-chat';
import { useNextPath } from '../hooks/use-next-path';
import { type Me, useMe, useSignOut } from '../hooks/use-session';
import { cx } from '../lib/class-names';
import { paths, routes } from '../lib/paths';
import styles from './UserMenu.module.css';

/**
 * The header's account corner: the signed-in user's pages and their account, or the ways to
 * sign in. Wide screens show every link; narrow ones fold them into a menu beside the avatar.
 */
export function UserMenu() {
  const me = useMe();
  const logout = useSignOut();

  // Holds the space while we ask, so the header does not jump.
  if (me.isPending) return <div className={cx(styles.menu, styles.pending)} />;
  if (!me.data) return <SignInLinks />;
  const signOut = () => logout.mutate();
  return (
    <div className={styles.menu}>
      <nav aria-label="Your homes" className={styles.wide}>
        <Link to={paths.newListing()} className={cx(buttonClass({ variant: 'primary' }), styles.listHome)}>
          List a home
        </Link>
        <NavLink to={paths.saved()} className={styles.link}>
          Saved
        </NavLink>
        <NavLink to={paths.myListings()} className={styles.link}>
          My listings
        </NavLink>
      </nav>
      <MessagesLink />
      <Link to={paths.account()} className={styles.me} title="Account settings">
        <Avatar username={me.data.username} src={me.data.avatar} size="small" />
        <span className={styles.name}>{me.data.username}</span>
      </Link>
      <button type="button" className={cx(styles.link, styles.signOut, styles.wide)} onClick={signOut} disabled={logout.isPending}>
        {logout.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      <CompactMenu me={me.data} onSignOut={signOut} signingOut={logout.isPending} />
      {logout.isError && (
        <p className={styles.error} role="alert">
          Could not sign out. Try again.
        </p>
      )}
    </div>
  );
}

/** Messages, with how many conversations have unread messages: live, as the chat events come in. */
function MessagesLink() {
  const unread = useUnreadChats();
  const count = unread.data?.count ?? 0;
  const label = count === 0 ? 'Messages' : `Messages, ${count} unread conversation${count === 1 ? '' : 's'}`;
  return (
    <NavLink to={paths.messages()} className={cx(styles.link, styles.messages)} aria-label={label}>
      <span className={styles.icon}>
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H9l-5 4z" />
        </svg>
        {count > 0 && <span className={styles.badge}>{count > 99 ? '99+' : count}</span>}
      </span>
      <span className={styles.messagesText}>Messages</span>
    </NavLink>
  );
}

interface CompactMenuProps {
  me: Me;
  onSignOut: () => void;
  signingOut: boolean;
}

/** The narrow screen's menu: a button that shows or hides the signed-in user's links. */
function CompactMenu({ me, onSignOut, signingOut }: CompactMenuProps) {
  // Open at one address: following any link closes it.
  const { key } = useLocation();
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === key;
  const setOpen = (value: boolean) => setOpenAt(value ? key : null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // Escape, or a click or focus anywhere else, closes it too.
  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    }
    function onOutside(event: Event) {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);

  return (
    <div ref={root} className={styles.compact}>
      <button
        ref={button}
        type="button"
        className={styles.menuButton}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className={styles.menuText}>Menu</span>
      </button>
      {open && (
        <nav id={panelId} aria-label="Your account" className={styles.panel}>
          <p className={styles.panelName}>{me.username}</p>
          <Link to={paths.newListing()} className={styles.link}>
            List a home
          </Link>
          <NavLink to={paths.myListings()} className={styles.link}>
            My listings
          </NavLink>
          <NavLink to={paths.saved()} className={styles.link}>
            Saved homes
          </NavLink>
          <NavLink to={paths.account()} className={styles.link}>
            Account settings
          </NavLink>
          <button type="button" className={cx(styles.link, styles.signOut)} onClick={onSignOut} disabled={signingOut}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </nav>
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
