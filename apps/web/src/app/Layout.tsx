import { Link, Outlet, ScrollRestoration } from 'react-router';
import { paths } from '../lib/paths';
import { PageNotice } from './PageNotice';
import { UserMenu } from './UserMenu';
import './Layout.css';

/** The frame around every page. */
export function Layout() {
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to={paths.home()} className="brand">
            <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
              <rect width="32" height="32" rx="8" fill="currentColor" />
              <path d="M16 7 6 15h3v10h5v-6h4v6h5V15h3z" fill="#fff" />
            </svg>
            <span className="brand__name">Estate</span>
          </Link>
          <div className="site-header__end">
            <nav aria-label="Main" className="site-nav">
              <Link to={paths.search({ type: 'buy' })}>Buy</Link>
              <Link to={paths.search({ type: 'rent' })}>Rent</Link>
            </nav>
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" className="site-main">
        <PageNotice />
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>
            <strong>Estate</strong> · Homes for sale and for rent
          </p>
          <p>© {new Date().getFullYear()} Estate</p>
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
