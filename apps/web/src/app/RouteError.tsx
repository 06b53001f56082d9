import { useRouteError } from 'react-router';
import { buttonClass } from '../components/ui/button';
import { usePageTitle } from '../hooks/use-page-title';
import styles from './RouteError.module.css';

/** A page that crashed while rendering; the header and footer stay, so the user can move on. */
export function RouteError() {
  const error = useRouteError();
  usePageTitle('Something went wrong');
  return (
    <section className={`container ${styles.crashed}`} role="alert">
      <h1>Something went wrong</h1>
      <p>{error instanceof Error ? error.message : 'This page could not be shown.'}</p>
      <button type="button" className={buttonClass({ variant: 'primary' })} onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </section>
  );
}
