import type { RouterOutputs } from '@estate/api';
import { Link } from 'react-router';
import { formatCount, formatPrice, propertyLabel, typeLabel } from '../../lib/format';
import { paths } from '../../lib/paths';
import { NoPhoto } from './NoPhoto';
import './PostCard.css';

export type PostCardData = RouterOutputs['post']['search']['items'][number];

/** A search result; the whole card is clickable through its title link. */
export function PostCard({ post }: { post: PostCardData }) {
  const cover = post.images[0];
  return (
    <article className="post-card">
      <div className="post-card__media">
        {cover ? <img src={cover} alt={post.title} loading="lazy" decoding="async" width={400} height={300} /> : <NoPhoto />}
        <span className={`badge badge--${post.type}`}>{typeLabel[post.type]}</span>
      </div>
      <div className="post-card__body">
        <p className="post-card__price">{formatPrice(post.price, post.type)}</p>
        <h2 className="post-card__title">
          <Link to={paths.post(post.id)}>{post.title}</Link>
        </h2>
        <p className="post-card__city">{post.city}</p>
        <ul className="post-card__facts">
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
    <div className="post-card post-card--skeleton" aria-hidden="true">
      <div className="post-card__media skeleton" />
      <div className="post-card__body">
        <div className="skeleton skeleton--line skeleton--short" />
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--line skeleton--medium" />
      </div>
    </div>
  );
}
