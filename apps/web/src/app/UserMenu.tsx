import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { AlertIcon } from '../components/ui/AlertIcon';
import { Avatar } from '../components/ui/Avatar';
import { buttonClass } from '../components/ui/button';
import { useUnreadChats } from '../features/chat/use-chat';
import { useNewMatchCount } from '../features/saved-searches/use-saved-searches';
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
      <SavedSearchesLink />
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
  return (
    <CountLink
      to={paths.messages()}
      text="Messages"
      count={count}
      counted={`${count} unread conversation${count === 1 ? '' : 's'}`}
      icon={
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4h13A1.5 1.5 0 0 1 20 5.5v9a1.5 1.5 0 0 1-1.5 1.5H9l-5 4z" />
        </svg>
      }
    />
  );
}

/** "2 new homes": what the count of saved searches' new matches counts. */
const newHomes = (count: number) => `${count} new home${count === 1 ? '' : 's'}`;

/**
 * Saved searches, with how many new homes match them: live, as alerts come in. Only its icon:
 * the header has no room for more words. Narrow screens have it in the menu instead.
 */
function SavedSearchesLink() {
  const count = useNewMatchCount();
  return (
    <CountLink
      to={paths.savedSearches()}
      text="Saved searches"
      count={count}
      counted={newHomes(count)}
      icon={<AlertIcon size={22} />}
      iconOnly
      className={styles.wide}
    />
  );
}

interface CountLinkProps {
  to: string;
  text: string;
  count: number;
  /** The count in words, for the link's name: "Messages, 2 unread conversations". */
  counted: string;
  /** The text is only its name and tooltip, never shown beside the icon. */
  iconOnly?: boolean;
  className?: string;
  icon: ReactNode;
}

/** A link drawn as an icon with a count on it, and its text where there is room. */
function CountLink({ to, text, count, counted, icon, iconOnly = false, className }: CountLinkProps) {
  return (
    <NavLink
      to={to}
      className={cx(styles.link, styles.countLink, className)}
      aria-label={count === 0 ? text : `${text}, ${counted}`}
      title={iconOnly ? text : undefined}
    >
      <span className={styles.icon}>
        {icon}
        {count > 0 && <Badge count={count} />}
      </span>
      {!iconOnly && <span className={styles.iconText}>{text}</span>}
    </NavLink>
  );
}

function Badge({ count }: { count: number }) {
  return <span className={styles.badge}>{count > 99 ? '99+' : count}</span>;
}

interface CompactMenuProps {
  me: Me;
  onSignOut: () => void;
  signingOut: boolean;
}

/** The narrow screen's menu: a button that shows or hides the signed-in user's links. */
function CompactMenu({ me, onSignOut, signingOut }: CompactMenuProps) {
  const newMatches = useNewMatchCount();
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
        {/* The saved searches' news, which the menu holds on a narrow screen. */}
        {newMatches > 0 && (
          <>
            <Badge count={newMatches} />
            <span className="visually-hidden">, {newHomes(newMatches)} in saved searches</span>
          </>
        )}
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
          <NavLink to={paths.savedSearches()} className={styles.link}>
            Saved searches
            {newMatches > 0 && <span className={styles.count}>{newMatches} new</span>}
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
