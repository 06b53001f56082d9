import type { RouterOutputs } from '@estate/api';
import { Link, useParams } from 'react-router';
import { Avatar } from '../../components/ui/Avatar';
import { QueryState } from '../../components/ui/QueryState';
import { usePageTitle } from '../../hooks/use-page-title';
import { formatCount, formatDate, formatDistance, formatPrice, formatSize, propertyLabel, typeLabel } from '../../lib/format';
import { paths } from '../../lib/paths';
import { trpc } from '../../lib/trpc';
import { Gallery } from './Gallery';
import './PostPage.css';

type Post = RouterOutputs['post']['byId'];

export function PostPage() {
  const { id = '' } = useParams();
  const post = trpc.post.byId.useQuery({ id });

  return (
    <QueryState
      query={post}
      pending={<PostSkeleton />}
      notFound={{ title: 'Listing not found', message: 'This listing does not exist or was removed.' }}
      errorTitle="Could not load this listing"
    >
      {(data) => <PostView post={data} />}
    </QueryState>
  );
}

function PostView({ post }: { post: Post }) {
  usePageTitle(post.title);
  const detail = post.postDetail;
  return (
    <article className="container post-page">
      <nav aria-label="Breadcrumb" className="post-page__crumbs">
        <Link to={paths.search()}>Listings</Link> / <Link to={paths.search({ city: post.city })}>{post.city}</Link>
      </nav>
      <Gallery key={post.id} images={post.images} title={post.title} />
      <div className="post-page__layout">
        <header className="post-page__header">
          <p className="post-page__tags">
            <span className={`badge badge--${post.type}`}>{typeLabel[post.type]}</span>
            <span>{propertyLabel[post.property]}</span>
          </p>
          <h1>{post.title}</h1>
          <p className="post-page__address">
            {post.address}, {post.city}
          </p>
          <ul className="post-page__facts">
            <li>{formatCount(post.bedroom, 'bedroom')}</li>
            <li>{formatCount(post.bathroom, 'bathroom')}</li>
            {detail?.size != null && <li>{formatSize(detail.size)}</li>}
          </ul>
        </header>
        <aside className="post-page__aside">
          <p className="post-page__price">{formatPrice(post.price, post.type)}</p>
          <div className="lister">
            <Avatar username={post.user.username} src={post.user.avatar} size="medium" />
            <div>
              <p className="lister__label">Listed by</p>
              <p className="lister__name">
                <Link to={paths.profile(post.user.username)}>{post.user.username}</Link>
              </p>
            </div>
          </div>
          <p className="post-page__listed">Listed on {formatDate(post.createdAt)}</p>
        </aside>
        {detail && <PostDetails detail={detail} />}
      </div>
    </article>
  );
}

function PostDetails({ detail }: { detail: NonNullable<Post['postDetail']> }) {
  const policies: [string, string | null][] = [
    ['Utilities', detail.utilities],
    ['Pets', detail.pet],
    ['Income', detail.income],
  ];
  const distances: [string, number | null][] = [
    ['School', detail.school],
    ['Bus stop', detail.bus],
    ['Restaurant', detail.restaurant],
  ];
  const knownPolicies = policies.filter((entry): entry is [string, string] => entry[1] !== null);
  const knownDistances = distances.filter((entry): entry is [string, number] => entry[1] !== null);
  return (
    <div className="post-page__details">
      <section className="post-section">
        <h2>About this home</h2>
        <p className="post-page__description">{detail.desc}</p>
      </section>
      {knownPolicies.length > 0 && (
        <section className="post-section">
          <h2>Policies</h2>
          <dl className="facts-list">
            {knownPolicies.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {knownDistances.length > 0 && (
        <section className="post-section">
          <h2>Nearby</h2>
          <dl className="facts-list">
            {knownDistances.map(([label, metres]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{formatDistance(metres)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}

function PostSkeleton() {
  return (
    <div className="container post-page" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading listing…
      </p>
      <div className="gallery skeleton post-page__skeleton-media" />
      <div className="skeleton skeleton--line skeleton--heading" />
      <div className="skeleton skeleton--line skeleton--medium" />
      <div className="skeleton skeleton--line skeleton--short" />
    </div>
  );
}
