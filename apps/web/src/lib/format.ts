import type { RouterOutputs } from '@estate/api';

type PostCard = RouterOutputs['post']['search']['items'][number];

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-US');
const metres = new Intl.NumberFormat('en-US', { style: 'unit', unit: 'meter', maximumFractionDigits: 0 });
const kilometres = new Intl.NumberFormat('en-US', { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** A sale price as is; a rent is per month. */
export function formatPrice(price: number, type: PostCard['type']): string {
  return type === 'rent' ? `${usd.format(price)}/month` : usd.format(price);
}

export function formatAmount(amount: number): string {
  return usd.format(amount);
}

export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${count.format(n)} ${n === 1 ? singular : plural}`;
}

/** Square metres (Intl has no area units). */
export function formatSize(squareMetres: number): string {
  return `${count.format(squareMetres)} m²`;
}

/** Short distances in metres, longer ones in kilometres. */
export function formatDistance(m: number): string {
  return m < 1000 ? metres.format(m) : kilometres.format(m / 1000);
}

export function formatDate(value: Date): string {
  return date.format(value);
}

export const typeLabel: Record<PostCard['type'], string> = { buy: 'For sale', rent: 'For rent' };

export const propertyLabel: Record<PostCard['property'], string> = {
  apartment: 'Apartment',
  house: 'House',
  condo: 'Condo',
  land: 'Land',
};
