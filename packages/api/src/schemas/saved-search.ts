import { z } from 'zod';
import { type SearchFilters, searchFilters, searchWords } from './search.js';
import { textField } from './text.js';

// Saved searches: what their procedures take, and the readable summary a saved search is
// shown (and by default named) with. Browser-safe, like every schema here.

export const MAX_SAVED_SEARCHES = 20;
export const SAVED_SEARCH_NAME_MAX = 80;

const savedSearchId = z.uuid('Not a saved search id');
const name = textField(1, SAVED_SEARCH_NAME_MAX, 'Name the search');

export const savedSearchCreateInput = z.strictObject({ name: name.optional(), filters: searchFilters });
export const savedSearchIdInput = z.strictObject({ id: savedSearchId });
export const savedSearchRenameInput = z.strictObject({ id: savedSearchId, name });

/**
 * The filters that narrow anything, written one way: no blank city or keywords, the keywords'
 * spaces collapsed. Saved, shown and compared in this form.
 */
export function normalizeFilters(filters: SearchFilters): SearchFilters {
  const q = filters.q?.replace(/\s+/g, ' ');
  const normal: SearchFilters = { ...filters, ...(q !== undefined && { q }) };
  for (const key of Object.keys(normal) as Array<keyof SearchFilters>) {
    if (normal[key] === undefined || normal[key] === '') delete normal[key];
  }
  return normal;
}

/** The same text for the same search: keys in order, the city's letter case and the keywords' word breaks ignored. */
export function filtersKey(filters: SearchFilters): string {
  const normal = normalizeFilters(filters);
  const comparable: Record<string, unknown> = {
    ...normal,
    ...(normal.city !== undefined && { city: normal.city.toLowerCase() }),
    ...(normal.q !== undefined && { q: searchWords(normal.q).join(' ') }),
  };
  return JSON.stringify(Object.fromEntries(Object.entries(comparable).sort(([a], [b]) => a.localeCompare(b))));
}

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const plural = (n: number, word: string) => `${n}+ ${word}${n === 1 ? '' : 's'}`;
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function priceRange(min: number | undefined, max: number | undefined): string | null {
  if (min !== undefined && max !== undefined) return `${dollars.format(min)}–${dollars.format(max)}`;
  if (max !== undefined) return `up to ${dollars.format(max)}`;
  if (min !== undefined) return `from ${dollars.format(min)}`;
  return null;
}

/** "Rent · Denver · up to $2,500 · 2+ beds": the filters in a line. */
export function describeFilters(filters: SearchFilters): string {
  const f = normalizeFilters(filters);
  const parts = [
    f.type && capitalized(f.type),
    f.property && capitalized(f.property),
    f.city,
    f.bounds && 'Map area',
    priceRange(f.minPrice, f.maxPrice),
    f.minBedrooms !== undefined && f.minBedrooms > 0 && plural(f.minBedrooms, 'bed'),
    f.minBathrooms !== undefined && f.minBathrooms > 0 && plural(f.minBathrooms, 'bath'),
    f.q && `“${f.q}”`,
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length > 0 ? parts.join(' · ') : 'Any home';
}

/** A search's default name: its summary, cut to fit. */
export function defaultSearchName(filters: SearchFilters): string {
  const summary = describeFilters(filters);
  return summary.length <= SAVED_SEARCH_NAME_MAX ? summary : `${summary.slice(0, SAVED_SEARCH_NAME_MAX - 1)}…`;
}
