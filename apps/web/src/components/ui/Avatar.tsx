import { useState } from 'react';
import { cx } from '../../lib/class-names';
import styles from './Avatar.module.css';
import { Skeleton } from './Skeleton';

type Size = 'small' | 'medium' | 'large';

interface AvatarProps {
  username: string;
  src: string | null;
  size: Size;
}

/**
 * A user's picture, or their initial when they have none or it does not load. Decorative:
 * their name is always shown beside it.
 */
export function Avatar({ username, src, size }: AvatarProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (src && src !== failedSrc) {
    return <img className={cx(styles.avatar, styles[size])} src={src} alt="" onError={() => setFailedSrc(src)} />;
  }
  return (
    <span className={cx(styles.avatar, styles[size], styles.initial)} aria-hidden="true">
      {username.charAt(0).toUpperCase()}
    </span>
  );
}

/** An avatar's place while it loads. */
export function AvatarSkeleton({ size }: { size: Size }) {
  return <Skeleton className={cx(styles.avatar, styles[size])} />;
}
