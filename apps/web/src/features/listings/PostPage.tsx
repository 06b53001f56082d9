import type { RouterOutputs } from '@estate/api';
import { lazy, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Avatar } from '../../components/ui/Avatar';
import { buttonClass } from '../../components/ui/button';
import { MapSlot } from '../../components/ui/MapSlot';
import { MessageOwnerButton } from '../../components/ui/MessageOwnerButton';
import { QueryState } from '../../components/ui/QueryState';
import { SaveButton } from '../../components/ui/SaveButton';
import { Skeleton } from '../../components/ui/Skeleton';
import { TypeBadge } from '../../components/ui/TypeBadge';
import { usePageTitle } from '../../hooks/use-page-title';
import { formatCount, formatDate, formatDistance, formatPrice, formatSize, propertyLabel } from '../../lib/format';
import { paths } from '../../lib/paths';
import { DeleteListingDialog } from './DeleteListingDialog';
import { Gallery } from './Gallery';
import styles from './PostPage.module.css';
import { usePost } from './use-post';

// Leaflet arrives after the page's first paint.
const PostPageMap = lazy(async () => ({ default: (await import('./PostPageMap')).PostPageMap }));

type Post = RouterOutputs['post']['byId'];

export function PostPage() {
  const { id = '' } = useParams();
  const post = usePost(id);

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
    <article className={`container ${styles.page}`}>
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <Link to={paths.search()}>Listings</Link> / <Link to={paths.search({ city: post.city })}>{post.city}</Link>
      </nav>
      <Gallery key={post.id} images={post.images} title={post.title} />
      <div className={styles.layout}>
        <header className={styles.header}>
          <p className={styles.tags}>
            <TypeBadge type={post.type} />
            <span>{propertyLabel[post.property]}</span>
          </p>
          <h1>{post.title}</h1>
          <p className={styles.address}>
            {post.address}, {post.city}
          </p>
          <ul className={styles.facts}>
            <li>{formatCount(post.bedroom, 'bedroom')}</li>
            <li>{formatCount(post.bathroom, 'bathroom')}</li>
            {detail?.size != null && <li>{formatSize(detail.size)}</li>}
          </ul>
        </header>
        <aside className={styles.aside}>
          <p className={styles.price}>{formatPrice(post.price, post.type)}</p>
          <SaveButton postId={post.id} saved={post.isSaved} variant="page" />
          {post.isMine && <OwnerActions post={post} />}
          <div className={styles.lister}>
            <Avatar username={post.user.username} src={post.user.avatar} size="medium" />
            <div>
              <p className={styles.listerLabel}>Listed by</p>
              <p className={styles.listerName}>
                <Link to={paths.profile(post.user.username)}>{post.user.username}</Link>
              </p>
            </div>
          </div>
          {!post.isMine && <MessageOwnerButton postId={post.id} />}
          <p className={styles.listed}>Listed on {formatDate(post.createdAt)}</p>
        </aside>
        <div className={styles.details}>
          {detail && <PostDetails detail={detail} />}
          <section className={styles.section}>
            <h2>Location</h2>
            <MapSlot className={styles.map}>
              <PostPageMap key={post.id} latitude={post.latitude} longitude={post.longitude} title={post.title} className={styles.map} />
            </MapSlot>
          </section>
        </div>
      </div>
    </article>
  );
}

/** The lister's own controls: change the listing, or delete it after a confirmation. */
function OwnerActions({ post }: { post: Post }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  return (
    <div className={styles.ownerActions}>
      <Link className={buttonClass({ small: true })} to={paths.editListing(post.id)}>
        Edit
      </Link>
      <button type="button" className={buttonClass({ variant: 'danger', small: true })} onClick={() => dialog.current?.showModal()}>
        Delete
      </button>
      <DeleteListingDialog
        ref={dialog}
        listing={post}
        onDeleted={(title) => navigate(paths.myListings(), { state: { notice: `“${title}” was deleted.` } })}
      />
    </div>
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
    <>
      <section className={styles.section}>
        <h2>About this home</h2>
        <p className={styles.description}>{detail.desc}</p>
      </section>
      {knownPolicies.length > 0 && (
        <section className={styles.section}>
          <h2>Policies</h2>
          <dl className={styles.factsList}>
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
        <section className={styles.section}>
          <h2>Nearby</h2>
          <dl className={styles.factsList}>
            {knownDistances.map(([label, metres]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{formatDistance(metres)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </>
  );
}

function PostSkeleton() {
  return (
    <div className={`container ${styles.page}`} aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading listing…
      </p>
      <Skeleton className={styles.skeletonMedia} />
      <Skeleton line="heading" />
      <Skeleton line="medium" />
      <Skeleton line="short" />
    </div>
  );
}
