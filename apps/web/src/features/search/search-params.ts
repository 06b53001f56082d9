import type { Bounds, SearchSort } from '@estate/api/schemas';
import { formatAmount, formatCount, propertyLabel, typeLabel } from '../../lib/format';
import { type SearchFilters, searchFields } from '../../lib/paths';

export type SearchField = (typeof searchFields)[number];

/** A search's values as text, exactly as the query string (or the search form) carries them. */
export type SearchValues = Record<SearchField, string>;

export const blankSearch = Object.fromEntries(searchFields.map((field) => [field, ''])) as SearchValues;

export const sortLabel: Record<SearchSort, string> = {
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
};

export function readSearchValues(read: { get(name: string): FormDataEntryValue | null }): SearchValues {
  const text = (field: SearchField) => {
    const value = read.get(field);
    return typeof value === 'string' ? value.trim() : '';
  };
  return Object.fromEntries(searchFields.map((field) => [field, text(field)])) as SearchValues;
}

function isOneOf<K extends string>(labels: Record<K, string>, value: string): value is K {
  return Object.hasOwn(labels, value);
}

/**
 * The API input for the values. Numbers are passed on even when they are not valid (NaN), so
 * the server's message about them appears beside the field like any other; so are the edges
 * of a map area.
 */
export function toSearchFilters(values: SearchValues): SearchFilters {
  return {
    ...(values.city && { city: values.city }),
    ...(isOneOf(typeLabel, values.type) && { type: values.type }),
    ...(isOneOf(propertyLabel, values.property) && { property: values.property }),
    ...(values.minPrice && { minPrice: Number(values.minPrice) }),
    ...(values.maxPrice && { maxPrice: Number(values.maxPrice) }),
    ...(values.minBedrooms && { minBedrooms: Number(values.minBedrooms) }),
    ...(values.minBathrooms && { minBathrooms: Number(values.minBathrooms) }),
    ...(values.q && { q: values.q }),
    ...(isOneOf(sortLabel, values.sort) && { sort: values.sort }),
    ...(values.bounds && { bounds: parseBounds(values.bounds) }),
  };
}

/** `west,south,east,north`, as `boundsParam` writes it. */
function parseBounds(text: string): Bounds {
  const [west, south, east, north] = text.split(',').map(Number);
  return { west: west ?? Number.NaN, south: south ?? Number.NaN, east: east ?? Number.NaN, north: north ?? Number.NaN };
}

const propertyPlural: Record<keyof typeof propertyLabel, string> = {
  apartment: 'Apartments',
  house: 'Houses',
  condo: 'Condos',
  land: 'Land',
};

/** A heading that says what is being searched, e.g. "Houses for rent in Denver up to $2,500, 2+ beds". */
export function describeSearch(filters: SearchFilters): string {
  const what = filters.property ? propertyPlural[filters.property] : 'Homes';
  const type = filters.type === 'buy' ? ' for sale' : filters.type === 'rent' ? ' for rent' : '';
  const where = filters.city ? ` in ${filters.city}` : filters.bounds ? ' in the map area' : '';
  const details = [
    describePriceRange(filters.minPrice, filters.maxPrice),
    valid(filters.minBedrooms) && `${filters.minBedrooms}+ beds`,
    valid(filters.minBathrooms) && `${filters.minBathrooms}+ baths`,
    filters.q && `matching “${filters.q}”`,
    filters.city && filters.bounds && 'within the map area',
  ].filter(Boolean);
  const heading = [`${what}${type}${where}`, details.join(', ')].filter(Boolean).join(' ');
  return heading === 'Homes' ? 'All homes' : heading;
}

/** Values the server will reject are named by the field errors instead. */
function valid(n: number | undefined): n is number {
  return n !== undefined && Number.isInteger(n) && n >= 0;
}

function describePriceRange(min: number | undefined, max: number | undefined): string {
  if (valid(min) && valid(max)) return `from ${formatAmount(min)} to ${formatAmount(max)}`;
  if (valid(min)) return `from ${formatAmount(min)}`;
  if (valid(max)) return `up to ${formatAmount(max)}`;
  return '';
}

/** "1,234 homes", or "10,000+ homes" past what the server counts. */
export function formatTotal(total: number, capped: boolean): string {
  return capped ? `${total.toLocaleString('en-US')}+ homes` : formatCount(total, 'home');
}
