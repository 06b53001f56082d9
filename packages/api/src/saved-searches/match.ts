import { Prisma } from '@estate/db';
import { recipientLockKeySql } from '../chat/events.js';

// Which saved searches a listing matches, with the conditions of post.search turned around:
// a search matches when each filter it has holds for the listing. The candidates come from
// indexes, four disjoint ways: searches in the listing's city (by cityKey), searches of a map
// area around it (the GiST index on area, once as the listing is and once 360° on, for areas
// across the antimeridian), and the few with neither (a partial index). Only those are read.

const columns = Prisma.sql`s."id", s."userId", s."type", s."property", s."minPrice", s."maxPrice", s."minBedrooms", s."minBathrooms", s."keywords", s."area"`;

/** The saved searches of other people that the listing `postId` matches now. */
export function matchingSearchesSql(postId: string): Prisma.Sql {
  return Prisma.sql`
    WITH p AS (
      SELECT "userId", "cityKey", "type", "property", "price", "bedroom", "bathroom", "search",
        box(point("longitude", "latitude"), point("longitude", "latitude")) AS here,
        box(point("longitude" + 360, "latitude"), point("longitude" + 360, "latitude")) AS beyond
      FROM "Post" WHERE "id" = ${postId}::uuid
    )
    SELECT s."id" AS "savedSearchId", s."userId"
    FROM p CROSS JOIN LATERAL (
      SELECT ${columns} FROM "SavedSearch" s WHERE s."cityKey" = p."cityKey"
      UNION ALL
      SELECT ${columns} FROM "SavedSearch" s WHERE s."area" @> p.here AND s."cityKey" IS NULL
      UNION ALL
      SELECT ${columns} FROM "SavedSearch" s WHERE s."area" @> p.beyond AND NOT s."area" @> p.here AND s."cityKey" IS NULL
      UNION ALL
      SELECT ${columns} FROM "SavedSearch" s WHERE s."cityKey" IS NULL AND s."area" IS NULL
    ) s
    WHERE s."userId" <> p."userId"
      AND (s."type" IS NULL OR s."type" = p."type")
      AND (s."property" IS NULL OR s."property" = p."property")
      AND (s."minPrice" IS NULL OR p."price" >= s."minPrice")
      AND (s."maxPrice" IS NULL OR p."price" <= s."maxPrice")
      AND (s."minBedrooms" IS NULL OR p."bedroom" >= s."minBedrooms")
      AND (s."minBathrooms" IS NULL OR p."bathroom" >= s."minBathrooms")
      AND (s."area" IS NULL OR s."area" @> p.here OR s."area" @> p.beyond)
      AND (s."keywords" IS NULL OR p."search" @@ to_tsquery('english', s."keywords"))`;
}

/**
 * The matching searches' ids and their owners' recipient lock keys, as two arrays in one row:
 * a home can match thousands, and thousands of rows cost the process far more to read.
 */
export async function matchingSearches(tx: Prisma.TransactionClient, postId: string): Promise<{ ids: string[]; lockKeys: number[] }> {
  const [row] = await tx.$queryRaw<Array<{ ids: string[]; lockKeys: number[] }>>`
    SELECT coalesce(array_agg(m."savedSearchId"), '{}') AS ids,
      coalesce(array_agg(DISTINCT ${recipientLockKeySql(Prisma.sql`m."userId"`)}), '{}') AS "lockKeys"
    FROM (${matchingSearchesSql(postId)}) m`;
  return row ?? { ids: [], lockKeys: [] };
}
