import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import type { PostCardData } from '../../lib/card-lists';
import { cx } from '../../lib/class-names';
import { formatCount, formatPrice, propertyLabel } from '../../lib/format';
import { paths } from '../../lib/paths';
import { cover } from './card-cover';
import { NoPhoto } from './NoPhoto';
import { Photo } from './Photo';
import styles from './PostCard.module.css';
import { SaveButton } from './SaveButton';
import { Skeleton } from './Skeleton';
import { TypeBadge } from './TypeBadge';

interface PostCardProps {
  post: PostCardData;
  /** On the first screenful: its photo loads at once rather than when scrolled near. */
  priority?: boolean;
  /** Picked elsewhere (its marker on a map): it stands out. */
  selected?: boolean;
  /** Buttons for the card's bottom edge (Edit, Delete); they get the title's id to be described by. */
  actions?: ((titleId: string) => ReactNode) | undefined;
  onSaveChange?: ((saved: boolean, request: Promise<unknown>) => void) | undefined;
}

/**
 * A listing in a list. The whole card is clickable through its title link, the one link a
 * screen reader lists; the save button and any actions sit beside it, above its click area.
 */
export function PostCard({ post, priority = false, selected = false, actions, onSaveChange }: PostCardProps) {
  const titleId = useId();
  const image = post.images[0];
  return (
    <article className={cx(styles.card, selected && styles.selected)}>
      <div className={styles.media}>
        {image ? (
          <Photo
            src={image}
            widths={cover.widths}
            sizes={cover.sizes}
            width={400}
            height={300}
            alt={post.title}
            loading={priority ? 'eager' : 'lazy'}
          />
        ) : (
          <NoPhoto />
        )}
        <TypeBadge type={post.type} className={styles.badge} />
      </div>
      <div className={styles.body}>
        <p className={styles.price}>{formatPrice(post.price, post.type)}</p>
        <h2 className={styles.title} id={titleId}>
          <Link to={paths.post(post.id)}>{post.title}</Link>
        </h2>
        <p className={styles.city}>{post.city}</p>
        <ul className={styles.facts}>
          <li>{propertyLabel[post.property]}</li>
          <li>{formatCount(post.bedroom, 'bed')}</li>
          <li>{formatCount(post.bathroom, 'bath')}</li>
        </ul>
      </div>
      {/* After the title in reading order, though drawn over the photo. */}
      <SaveButton postId={post.id} saved={post.isSaved} titleId={titleId} variant="card" onChange={onSaveChange} />
      {actions && <div className={styles.actions}>{actions(titleId)}</div>}
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
