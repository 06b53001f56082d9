import { Link } from 'react-router';
import { usePageTitle } from '../../hooks/use-page-title';
import { paths } from '../../lib/paths';
import './NotFound.css';

/** Nothing at this address: say so and offer a way on. */
export function NotFound({ title, message }: { title: string; message: string }) {
  usePageTitle(title);
  return (
    <section className="not-found container">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1>{title}</h1>
      <p>{message}</p>
      <p className="not-found__actions">
        <Link className="button button--primary" to={paths.search()}>
          Browse listings
        </Link>
        <Link className="button" to={paths.home()}>
          Go home
        </Link>
      </p>
    </section>
  );
}
