import { Link, Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { Toaster } from '../components/ui/Toast';
import { ChatEvents } from '../features/chat/use-chat-events';
import { useSearchAlerts } from '../features/saved-searches/use-saved-searches';
import { useMe } from '../hooks/use-session';
import { paths } from '../lib/paths';
import styles from './Layout.module.css';
import { PageNotice } from './PageNotice';
import { UserMenu } from './UserMenu';

/** The frame around every page. */
export function Layout() {
  // Pages load their code on first visit: until it arrives, the old page stays and this bar runs.
  const loading = useNavigation().state === 'loading';
  const me = useMe();
  const alerts = useSearchAlerts();
  return (
    <div className={styles.layout}>
      {/*
       * Live news for every page while someone is signed in: chat (the header's badge, the list, an
       * open conversation) and saved-search alerts (the header's count, a toast).
       */}
      {me.data && <ChatEvents key={me.data.id} meId={me.data.id} alerts={alerts} />}
      {loading && <div className={styles.progress} role="progressbar" aria-label="Loading the page" />}
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={`container ${styles.headerInner}`}>
          <Link to={paths.home()} className={styles.brand}>
            <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
              <rect width="32" height="32" rx="8" fill="currentColor" />
              <path d="M16 7 6 15h3v10h5v-6h4v6h5V15h3z" fill="#fff" />
            </svg>
            <span className="visually-hidden-narrow">Estate</span>
          </Link>
          <div className={styles.headerEnd}>
            <nav aria-label="Main" className={styles.nav}>
              <Link to={paths.search({ type: 'buy' })}>Buy</Link>
              <Link to={paths.search({ type: 'rent' })}>Rent</Link>
            </nav>
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" className={styles.main}>
        <PageNotice />
        <Outlet />
      </main>
      <footer className={styles.footer}>
        <div className={`container ${styles.footerInner}`}>
          <p>
            <strong>Estate</strong> · Homes for sale and for rent
          </p>
          <p>© {new Date().getFullYear()} Estate</p>
        </div>
      </footer>
      <Toaster />
      <ScrollRestoration />
    </div>
  );
}
