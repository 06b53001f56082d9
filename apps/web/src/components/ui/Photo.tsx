import { imageAtSize, UPLOAD_SIZES, type UploadSize, uploadIdOf } from '@estate/api/schemas';
import type { ImgHTMLAttributes } from 'react';

interface PhotoProps extends Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'srcSet' | 'sizes' | 'width' | 'height'> {
  /** A stored image URL: an upload (`/uploads/<id>/lg.webp`) or a demo picture. */
  src: string;
  alt: string;
  /** The stored sizes of an upload the browser may choose from, smallest first. */
  widths: readonly [UploadSize, ...UploadSize[]];
  /** How wide the image is drawn (the `sizes` attribute), when there is a choice of widths. */
  sizes?: string;
  /** The intrinsic size, so the page reserves the image's box before it arrives. */
  width: number;
  height: number;
}

/** What an `<img>` (or a preload) of `src` offers: one file, or, for an upload, a choice of widths. */
export function photoSources(src: string, widths: PhotoProps['widths']): { src: string; srcSet?: string } {
  const [smallest, ...larger] = widths;
  const fallback = imageAtSize(src, larger.at(-1) ?? smallest);
  if (larger.length === 0 || !uploadIdOf(src)) return { src: fallback };
  return { src: fallback, srcSet: widths.map((size) => `${imageAtSize(src, size)} ${UPLOAD_SIZES[size]}w`).join(', ') };
}

/**
 * An image that loads no more pixels than it is drawn at: an upload is stored in three widths
 * and the browser picks one from `srcset`; a demo picture is an SVG, one file for any size.
 */
export function Photo({ src, alt, widths, sizes, decoding = 'async', ...image }: PhotoProps) {
  const sources = photoSources(src, widths);
  if (!sources.srcSet) return <img src={sources.src} alt={alt} decoding={decoding} {...image} />;
  // sizes and srcset before src, so no browser starts on the fallback first.
  return <img sizes={sizes} srcSet={sources.srcSet} src={sources.src} alt={alt} decoding={decoding} {...image} />;
}
