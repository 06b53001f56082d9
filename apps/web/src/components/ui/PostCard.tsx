import type { RouterOutputs } from '@estate/api';
import { Link } from 'react-router';
import { cx } from '../../lib/class-names';
import { formatCount, formatPrice, propertyLabel } from '../../lib/format';
import { paths } from '../../lib/paths';
import { NoPhoto } from './NoPhoto';
import styles from './PostCard.module.css';
import { Skeleton } from './Skeleton';
import { TypeBadge } from './TypeBadge';

export type PostCardData = RouterOutputs['post']['search']['items'][number];

/** A search result; the whole card is clickable through its title link. */
export function PostCard({ post }: { post: PostCardData }) {
  const cover = post.images[0];
  return (
    <article className={styles.card}>
      <div className={styles.media}>
        {cover ? <img src={cover} alt={post.title} loading="lazy" decoding="async" width={400} height={300} /> : <NoPhoto />}
        <TypeBadge type={post.type} className={styles.badge} />
      </div>
      <div className={styles.body}>
        <p className={styles.price}>{formatPrice(post.price, post.type)}</p>
        <h2 className={styles.title}>
          <Link to={paths.post(post.id)}>{post.title}</Link>
        </h2>
        <p className={styles.city}>{post.city}</p>
        <ul className={styles.facts}>
          <li>{propertyLabel[post.property]}</li>
          <li>{formatCount(post.bedroom, 'bed')}</li>
          <li>{formatCount(post.bathroom, 'bath')}</li>
        </ul>
      </div>
    </article>
  );
}

/** The card's shape while results load. */
export function PostCardSkeleton() {
  return (
    <div className={cx(styles.card, styles.skeleton)} aria-hidden="true">
      <Skeleton className={styles.media} />
      <div className={styles.body}>
        <Skeleton line="short" />
        <Skeleton line="full" />
        <Skeleton line="medium" />
      </div>
    </div>
  );
}
