import { UPLOAD_SIZES, type UploadSize } from '@estate/api';
import sharp from 'sharp';

// Photos are recognised by their bytes, decoded and re-encoded: what is stored is a new
// WebP file of known size with none of the original's metadata (EXIF, GPS, comments),
// turned upright as its EXIF orientation said. Nothing of the sender's file is served.

export type ImageFormat = 'jpeg' | 'png' | 'webp';

/** The format the file's first bytes announce, whatever its name or declared type. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const at = (offset: number, ...values: number[]) => values.every((value, i) => bytes[offset + i] === value);
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  return null;
}

export class ImageError extends Error {}

/** Larger images are refused before decoding (a small file can declare an enormous picture). */
const MAX_PIXELS = 50_000_000;

export interface ProcessedImage {
  width: number;
  height: number;
  sizes: Array<{ size: UploadSize; data: Buffer }>;
}

export async function processImage(bytes: Buffer, format: ImageFormat): Promise<ProcessedImage> {
  const source = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' });
  const metadata = await source.metadata().catch(() => {
    throw new ImageError('This file could not be read as a photo.');
  });
  if (metadata.format !== format) throw new ImageError('This file is not the JPEG, PNG or WebP photo it starts like.');
  const upright = source.rotate();
  try {
    const sizes = await Promise.all(
      (Object.entries(UPLOAD_SIZES) as Array<[UploadSize, number]>).map(async ([size, width]) => ({
        size,
        ...(await upright
          .clone()
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 80, effort: 2 })
          .toBuffer({ resolveWithObject: true })),
      })),
    );
    const largest = sizes.find((entry) => entry.size === 'lg')?.info;
    if (!largest) throw new ImageError('This file could not be read as a photo.');
    return { width: largest.width, height: largest.height, sizes: sizes.map(({ size, data }) => ({ size, data })) };
  } catch (error) {
    if (error instanceof ImageError) throw error;
    throw new ImageError(`This file could not be read as a photo (${(error as Error).message.split('\n')[0]}).`);
  }
}
