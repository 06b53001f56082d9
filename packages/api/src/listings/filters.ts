import { Prisma } from '@estate/db';
import { type Bounds, type SearchFilters, searchWords } from '../schemas/search.js';

// The search filters as SQL conditions on Post, for the list (search.ts) and the map (clusters.ts).

export function inBounds(bounds: Bounds): Prisma.Sql {
  const latitude = Prisma.sql`"latitude" BETWEEN ${bounds.south} AND ${bounds.north}`;
  // An area across the antimeridian is two longitude ranges.
  const longitude =
    bounds.west <= bounds.east
      ? Prisma.sql`"longitude" BETWEEN ${bounds.west} AND ${bounds.east}`
      : Prisma.sql`("longitude" >= ${bounds.west} OR "longitude" <= ${bounds.east})`;
  return Prisma.sql`${latitude} AND ${longitude}`;
}

/** `'word' & …`: every word, stemmed by to_tsquery('english', …), so "garden" finds "Gardens" too. */
export function keywordQuery(q: string | undefined): string | null {
  const words = searchWords(q);
  return words.length > 0 ? words.map((word) => `'${word}'`).join(' & ') : null;
}

/**
 * The listings whose documents hold every keyword. With a city, its words too: every listing's
 * document holds its city's words, so this matches no fewer listings, and the keyword index
 * then finds the few in that city (a frequent word in a city read 98,000 entries of the index,
 * and compared each with the city, at 1,000,000 listings).
 */
export function keywordMatch(keywords: string, city: string | undefined): Prisma.Sql {
  return city
    ? Prisma.sql`"search" @@ (to_tsquery('english', ${keywords}) && plainto_tsquery('english', ${city}))`
    : Prisma.sql`"search" @@ to_tsquery('english', ${keywords})`;
}

/** Every filter as SQL conditions, joined with AND (`true` for none). */
export function filterConditions(filters: SearchFilters, keywords: string | null): Prisma.Sql {
  const city = filters.city?.toLowerCase();
  const conditions = [
    city ? Prisma.sql`"cityKey" = ${city}` : null,
    filters.type ? Prisma.sql`"type" = ${filters.type}::"PostType"` : null,
    filters.property ? Prisma.sql`"property" = ${filters.property}::"Property"` : null,
    filters.minPrice !== undefined ? Prisma.sql`"price" >= ${filters.minPrice}` : null,
    filters.maxPrice !== undefined ? Prisma.sql`"price" <= ${filters.maxPrice}` : null,
    filters.minBedrooms !== undefined ? Prisma.sql`"bedroom" >= ${filters.minBedrooms}` : null,
    filters.minBathrooms !== undefined ? Prisma.sql`"bathroom" >= ${filters.minBathrooms}` : null,
    keywords ? keywordMatch(keywords, city) : null,
    filters.bounds ? inBounds(filters.bounds) : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`true`;
}
