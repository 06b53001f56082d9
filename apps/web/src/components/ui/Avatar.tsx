import { useState } from 'react';
import { cx } from '../../lib/class-names';
import styles from './Avatar.module.css';
import { Photo } from './Photo';
import { Skeleton } from './Skeleton';

type Size = 'small' | 'medium' | 'large';

/** The CSS pixels of each size (Avatar.module.css). */
const pixels: Record<Size, number> = { small: 32, medium: 48, large: 96 };

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
    // The smallest upload (480 px wide) is plenty even for the largest avatar on a dense screen.
    return (
      <Photo
        className={cx(styles.avatar, styles[size])}
        src={src}
        widths={['sm']}
        width={pixels[size]}
        height={pixels[size]}
        alt=""
        onError={() => setFailedSrc(src)}
      />
    );
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
