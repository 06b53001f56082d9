import type { Prisma } from '@estate/db';
import { keywordQuery } from '../listings/filters.js';
import type { SearchFilters } from '../schemas/search.js';

// A saved search's filters as the columns the alert matching reads (see match.ts).

/** The columns Prisma writes; `area` is written by `setArea`, as Prisma cannot write a box. */
export function matchColumns(filters: SearchFilters) {
  return {
    cityKey: filters.city ? filters.city.toLowerCase() : null,
    type: filters.type ?? null,
    property: filters.property ?? null,
    minPrice: filters.minPrice ?? null,
    maxPrice: filters.maxPrice ?? null,
    minBedrooms: filters.minBedrooms ?? null,
    minBathrooms: filters.minBathrooms ?? null,
    keywords: keywordQuery(filters.q),
  } satisfies Partial<Prisma.SavedSearchUncheckedCreateInput>;
}

/**
 * The map area as a box (longitude x, latitude y). An area across the antimeridian ends past
 * 180: west 170, east -170 is x from 170 to 190, where a home at -175 is matched as 185.
 */
export async function setArea(tx: Prisma.TransactionClient, id: string, bounds: SearchFilters['bounds']): Promise<void> {
  if (!bounds) return;
  const east = bounds.west > bounds.east ? bounds.east + 360 : bounds.east;
  await tx.$executeRaw`
    UPDATE "SavedSearch" SET "area" = box(point(${bounds.west}, ${bounds.south}), point(${east}, ${bounds.north}))
    WHERE "id" = ${id}::uuid`;
}
