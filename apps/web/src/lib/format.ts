import type { RouterOutputs } from '@estate/api';
import { once } from './once';

type PostCard = RouterOutputs['post']['search']['items'][number];

/**
 * A whole number with thousands separators ("1,234,567"), as Intl writes it in en-US. Not Intl:
 * a page's first Intl formatter loads the locale's data, 100–270 ms of a slow phone's CPU
 * (Chromium at 4× slowdown), and prices and counts are on the first screen of most pages.
 */
export function formatNumber(n: number): string {
  const digits = String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

// Made on first use, not as the page loads (see `formatNumber`).
const metres = once(() => new Intl.NumberFormat('en-US', { style: 'unit', unit: 'meter', maximumFractionDigits: 0 }));
const kilometres = once(() => new Intl.NumberFormat('en-US', { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }));
const date = once(() => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }));

/** A sale price as is; a rent is per month. */
export function formatPrice(price: number, type: PostCard['type']): string {
  return type === 'rent' ? `${formatAmount(price)}/month` : formatAmount(price);
}

/** Whole dollars: "$1,250,000". */
export function formatAmount(amount: number): string {
  return amount < 0 ? `-$${formatNumber(-amount)}` : `$${formatNumber(amount)}`;
}

export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** Square metres (Intl has no area units). */
export function formatSize(squareMetres: number): string {
  return `${formatNumber(squareMetres)} m²`;
}

/** Short distances in metres, longer ones in kilometres. */
export function formatDistance(m: number): string {
  return m < 1000 ? metres().format(m) : kilometres().format(m / 1000);
}

export function formatDate(value: Date): string {
  return date().format(value);
}

export const typeLabel: Record<PostCard['type'], string> = { buy: 'For sale', rent: 'For rent' };

export const propertyLabel: Record<PostCard['property'], string> = {
  apartment: 'Apartment',
  house: 'House',
  condo: 'Condo',
  land: 'Land',
};
