import type { SearchAddress, SearchSort } from '@estate/api/schemas';
import { formatAmount, formatCount, formatNumber, type propertyLabel } from '../../lib/format';

export const sortLabel: Record<SearchSort, string> = {
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
};

const propertyPlural: Record<keyof typeof propertyLabel, string> = {
  apartment: 'Apartments',
  house: 'Houses',
  condo: 'Condos',
  land: 'Land',
};

/** A heading that says what is being searched, e.g. "Houses for rent in Denver up to $2,500, 2+ beds". */
export function describeSearch(filters: SearchAddress): string {
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
  return capped ? `${formatNumber(total)}+ homes` : formatCount(total, 'home');
}
