import { fileURLToPath } from 'node:url';

// The demo listings' pictures: SVG illustrations drawn by scripts/draw-demo-images.ts and
// committed in demo-images/, so seeding needs no network and no build step. Posts refer
// to them by URL; the server serves demoImagesDir under DEMO_IMAGE_URL_PREFIX.

export const DEMO_IMAGE_URL_PREFIX = '/images/demo/';

/** `<packages/db>/demo-images`: the same path from src/seed/ and from dist/seed/. */
export const demoImagesDir = fileURLToPath(new URL('../../demo-images', import.meta.url));

/** How many variants of each picture there are. */
export const demoImageKinds = {
  house: 6,
  apartment: 5,
  condo: 3,
  land: 3,
  living: 4,
  kitchen: 3,
  bedroom: 3,
  bathroom: 2,
  garden: 3,
  avatar: 6,
} as const;

export type DemoImageKind = keyof typeof demoImageKinds;

export function demoImageFile(kind: DemoImageKind, variant: number): string {
  return `${kind}-${variant}.svg`;
}

export function demoImageUrl(kind: DemoImageKind, variant: number): string {
  return DEMO_IMAGE_URL_PREFIX + demoImageFile(kind, variant);
}

/** Every file the drawing script writes. */
export function demoImageFiles(): string[] {
  return Object.entries(demoImageKinds).flatMap(([kind, count]) =>
    Array.from({ length: count }, (_, i) => demoImageFile(kind as DemoImageKind, i + 1)),
  );
}
