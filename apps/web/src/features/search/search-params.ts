import { formatAmount, typeLabel } from '../../lib/format';
import type { SearchFilters, searchFields } from '../../lib/paths';

type PostType = NonNullable<SearchFilters['type']>;
export type SearchField = (typeof searchFields)[number];

/** The form's values as text, exactly as the query string carries them. */
export type SearchValues = Record<SearchField, string>;

export function readSearchValues(read: { get(name: string): FormDataEntryValue | null }): SearchValues {
  const text = (field: SearchField) => {
    const value = read.get(field);
    return typeof value === 'string' ? value.trim() : '';
  };
  return { city: text('city'), type: text('type'), minPrice: text('minPrice'), maxPrice: text('maxPrice') };
}

function isPostType(value: string): value is PostType {
  return Object.hasOwn(typeLabel, value);
}

/**
 * The API input for the values. Prices are passed on even when they are not valid numbers
 * (NaN), so the server's message about them appears beside the field like any other.
 */
export function toSearchFilters(values: SearchValues): SearchFilters {
  return {
    ...(values.city && { city: values.city }),
    ...(isPostType(values.type) && { type: values.type }),
    ...(values.minPrice && { minPrice: Number(values.minPrice) }),
    ...(values.maxPrice && { maxPrice: Number(values.maxPrice) }),
  };
}

/** A heading that says what is being searched, e.g. "Homes for rent in Lisbon". */
export function describeSearch(filters: SearchFilters): string {
  const what = filters.type === 'buy' ? 'Homes for sale' : filters.type === 'rent' ? 'Homes for rent' : 'All listings';
  const where = filters.city ? ` in ${filters.city}` : '';
  return `${what}${where}${describePriceRange(filters.minPrice, filters.maxPrice)}`;
}

function describePriceRange(min: number | undefined, max: number | undefined): string {
  // Values the server will reject are named by the field errors instead.
  const valid = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n >= 0;
  if (valid(min) && valid(max)) return `, ${formatAmount(min)} to ${formatAmount(max)}`;
  if (valid(min)) return `, from ${formatAmount(min)}`;
  if (valid(max)) return `, up to ${formatAmount(max)}`;
  return '';
}
