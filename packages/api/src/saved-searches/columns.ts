import { Prisma } from '@estate/db';
import { keywordQuery } from '../listings/filters.js';
import { defaultSearchName, filtersKey, normalizeFilters } from '../schemas/saved-search.js';
import type { SearchFilters } from '../schemas/search.js';

// A saved search as stored: its filters, and the same filters as the columns the alert
// matching reads (see match.ts).

/** The row of a new saved search of `userId` (`area` aside: see `setAreas`). */
export function savedSearchData(userId: string, input: { name?: string | undefined; filters: SearchFilters }, now: Date) {
  const filters = normalizeFilters(input.filters);
  return {
    userId,
    name: input.name ?? defaultSearchName(filters),
    filters: filters satisfies Prisma.InputJsonObject,
    key: filtersKey(filters),
    createdAt: now,
    seenAt: now,
    cityKey: filters.city ? filters.city.toLowerCase() : null,
    type: filters.type ?? null,
    property: filters.property ?? null,
    minPrice: filters.minPrice ?? null,
    maxPrice: filters.maxPrice ?? null,
    minBedrooms: filters.minBedrooms ?? null,
    minBathrooms: filters.minBathrooms ?? null,
    keywords: keywordQuery(filters.q),
  } satisfies Prisma.SavedSearchUncheckedCreateInput;
}

const bound = (edge: 'north' | 'south' | 'east' | 'west') => Prisma.raw(`("filters"->'bounds'->>'${edge}')::float8`);

/**
 * Writes the map area of saved searches (`ids`, or every one with bounds and no area yet) as
 * a box of longitude x and latitude y, which Prisma cannot write. An area across the
 * antimeridian ends past 180: west 170, east -170 is x from 170 to 190, where a home at -175
 * is matched as 185.
 */
export async function setAreas(tx: Prisma.TransactionClient, ids?: readonly string[]): Promise<void> {
  const which = ids ? Prisma.sql`"id" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.sql`"area" IS NULL`;
  await tx.$executeRaw`
    UPDATE "SavedSearch"
    SET "area" = box(
      point(${bound('west')}, ${bound('south')}),
      point(${bound('east')} + CASE WHEN ${bound('west')} > ${bound('east')} THEN 360 ELSE 0 END, ${bound('north')}))
    WHERE "filters" ? 'bounds' AND ${which}`;
}
