import type { PostCardData } from '../../lib/card-lists';
import { photoSources } from './Photo';

/** About how many cards the first screen shows: their photos load at once, the rest when scrolled near. */
export const firstScreen = 3;

/** A card's cover photo: the stored widths to choose from, and how wide it is drawn. */
export const cover = {
  widths: ['sm', 'md'],
  // One column up to 600 px, then as many 260 px or wider columns as fit in 1200 px.
  sizes: '(max-width: 600px) 100vw, (max-width: 900px) 50vw, 400px',
} as const;

const preloaded = new Set<string>();

/**
 * Starts loading the first screen's cover photos as soon as the listings are known, rather than
 * once their cards are drawn: on a slow phone, drawing the page takes a few hundred ms of its
 * own. The cards' `<img>`s, with the same `srcset` and `sizes`, then find them loaded.
 */
export function preloadCovers(posts: readonly PostCardData[]): void {
  for (const post of posts.slice(0, firstScreen)) {
    const image = post.images[0];
    if (!image || preloaded.has(image)) continue;
    preloaded.add(image);
    const { src, srcSet } = photoSources(image, cover.widths);
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'image';
    link.fetchPriority = 'high';
    if (srcSet) {
      link.imageSrcset = srcSet;
      link.imageSizes = cover.sizes;
    }
    link.href = src;
    document.head.append(link);
  }
}
