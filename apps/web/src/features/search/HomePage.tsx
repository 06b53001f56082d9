import { Link } from 'react-router';
import { usePageTitle } from '../../hooks/use-page-title';
import { paths } from '../../lib/paths';
import { SearchForm } from './SearchForm';
import './HomePage.css';

export function HomePage() {
  usePageTitle('');
  return (
    <section className="hero">
      <div className="container hero__inner">
        <h1 className="hero__title">Find a place you'll love to live</h1>
        <p className="hero__lead">Search homes for sale and for rent by city and price.</p>
        <SearchForm variant="hero" />
        <p className="hero__shortcuts">
          Or browse <Link to={paths.search({ type: 'buy' })}>homes for sale</Link>, <Link to={paths.search({ type: 'rent' })}>rentals</Link>{' '}
          or <Link to={paths.search()}>every listing</Link>.
        </p>
      </div>
    </section>
  );
}
