import { Link } from 'react-router';
import { usePageTitle } from '../../hooks/use-page-title';
import { paths } from '../../lib/paths';
import styles from './HomePage.module.css';
import { SearchForm } from './SearchForm';

export function HomePage() {
  usePageTitle('');
  return (
    <section className={styles.hero}>
      <div className={`container ${styles.inner}`}>
        <h1 className={styles.title}>Find a place you'll love to live</h1>
        <p className={styles.lead}>Search homes for sale and for rent by city and price.</p>
        <SearchForm variant="hero" />
        <p className={styles.shortcuts}>
          Or browse <Link to={paths.search({ type: 'buy' })}>homes for sale</Link>, <Link to={paths.search({ type: 'rent' })}>rentals</Link>{' '}
          or <Link to={paths.search()}>every listing</Link>.
        </p>
      </div>
    </section>
  );
}
