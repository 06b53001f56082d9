import { useState } from 'react';
import './Avatar.css';

interface AvatarProps {
  username: string;
  src: string | null;
  size: 'small' | 'medium' | 'large';
}

/**
 * A user's picture, or their initial when they have none or it does not load (an avatar can
 * be any https address). Decorative: their name is always shown beside it.
 */
export function Avatar({ username, src, size }: AvatarProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (src && src !== failedSrc) {
    return <img className={`avatar avatar--${size}`} src={src} alt="" onError={() => setFailedSrc(src)} />;
  }
  return (
    <span className={`avatar avatar--${size} avatar--initial`} aria-hidden="true">
      {username.charAt(0).toUpperCase()}
    </span>
  );
}
