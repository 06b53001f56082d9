import { Link } from 'react-router';
import { usePageTitle } from '../../hooks/use-page-title';
import { paths } from '../../lib/paths';
import { buttonClass } from './button';
import styles from './NotFound.module.css';

/** Nothing at this address: say so and offer a way on. */
export function NotFound({ title, message }: { title: string; message: string }) {
  usePageTitle(title);
  return (
    <section className={`container ${styles.notFound}`}>
      <p className={styles.code} aria-hidden="true">
        404
      </p>
      <h1>{title}</h1>
      <p>{message}</p>
      <p className={styles.actions}>
        <Link className={buttonClass({ variant: 'primary' })} to={paths.search()}>
          Browse listings
        </Link>
        <Link className={buttonClass()} to={paths.home()}>
          Go home
        </Link>
      </p>
    </section>
  );
}
