import { Prisma, type SqlClient } from '@estate/db';
import { z } from 'zod';
import { cursorOf, encodeCursor } from '../cursor.js';
import { type Bounds, type SearchFilters, type SearchSort, searchFilterShape, searchWords } from '../schemas/search.js';
import { postCardSelect } from './select.js';

// Search is SQL first. Each sort order has indexes that hold every filter column (schema.prisma,
// Post_search_*), so a page is found by walking one of them in order and checking the filters
// inside the index, without reading the table; only the page's rows are read. The total is
// counted the same way, up to TOTAL_CAP. Keywords are the exception: their words are in a GIN
// index, not in those, so a keyword search that matches few listings collects all of them
// through it and sorts them, instead of walking an order where matches may be rare.

type Db = SqlClient;

const filterNames = Object.keys(searchFilterShape) as Array<keyof SearchFilters>;

/** Counted exactly up to here; beyond it the total says "10,000+". */
export const TOTAL_CAP = 10_000;
/**
 * Keyword searches count to here: their words are not in the ordered indexes, so counting
 * reads the table, one listing at a time.
 */
export const KEYWORD_TOTAL_CAP = 1_000;
/** Keyword searches in price order estimated to match at most this many listings collect them all. */
const COLLECT_MAX = 20_000;

const searchPosition = z.discriminatedUnion('s', [
  z.object({ s: z.literal('newest'), createdAt: z.iso.datetime().transform((value) => new Date(value)), id: z.uuid() }),
  z.object({ s: z.enum(['price_asc', 'price_desc']), price: z.number().int(), id: z.uuid() }),
]);
export const searchCursor = cursorOf('search', searchPosition);
type SearchPosition = z.output<typeof searchPosition>;

const order: Record<SearchSort, Prisma.Sql> = {
  newest: Prisma.sql`"createdAt" DESC, "id" DESC`,
  price_asc: Prisma.sql`"price" ASC, "id" ASC`,
  price_desc: Prisma.sql`"price" DESC, "id" DESC`,
};

/** Rows strictly after the cursor in the sort's order (row comparisons, which the indexes answer as ranges). */
function after(sort: SearchSort, cursor: SearchPosition | undefined): Prisma.Sql | null {
  if (!cursor) return null;
  if (cursor.s === 'newest') return Prisma.sql`("createdAt", "id") < (${cursor.createdAt}, ${cursor.id}::uuid)`;
  return sort === 'price_asc'
    ? Prisma.sql`("price", "id") > (${cursor.price}, ${cursor.id}::uuid)`
    : Prisma.sql`("price", "id") < (${cursor.price}, ${cursor.id}::uuid)`;
}

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
    keywords ? Prisma.sql`"search" @@ to_tsquery('english', ${keywords})` : null,
    filters.bounds ? inBounds(filters.bounds) : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`true`;
}

interface KeywordPlan {
  keywords: string | null;
  /** How many listings the planner expects the keywords to match, and how many there are. */
  estimate: number;
  listings: number;
}

/** Estimates change slowly: each database's are kept a few minutes, for the last few hundred keyword searches. */
const plans = new WeakMap<Db, Map<string, { plan: KeywordPlan; until: number }>>();
const PLAN_TTL_MS = 5 * 60_000;
const PLANS_KEPT = 500;

/**
 * The keywords' tsquery, if it has words the dictionary keeps (a query of stop words alone,
 * like "the", filters nothing), with the planner's estimates.
 */
async function keywordPlan(db: Db, q: string | undefined): Promise<KeywordPlan> {
  const keywords = keywordQuery(q);
  if (!keywords) return { keywords: null, estimate: 0, listings: 0 };
  const kept = plans.get(db) ?? new Map<string, { plan: KeywordPlan; until: number }>();
  plans.set(db, kept);
  const known = kept.get(keywords);
  if (known && known.until > Date.now()) return known.plan;
  const plan = await estimateKeywords(db, keywords);
  kept.delete(keywords);
  kept.set(keywords, { plan, until: Date.now() + PLAN_TTL_MS });
  if (kept.size > PLANS_KEPT) kept.delete(kept.keys().next().value ?? '');
  return plan;
}

async function estimateKeywords(db: Db, keywords: string): Promise<KeywordPlan> {
  const none = { keywords: null, estimate: 0, listings: 0 };
  const [row] = await db.query<{ nodes: number; listings: number }>(Prisma.sql`
    SELECT numnode(to_tsquery('english', ${keywords}))::int AS nodes,
           (SELECT reltuples FROM pg_class WHERE oid = '"Post"'::regclass)::float8 AS listings`);
  if (!row?.nodes) return none;
  const [explained] = await db.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(Prisma.sql`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "Post" WHERE "search" @@ to_tsquery('english', ${keywords})`);
  return { keywords, estimate: explained?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? Number.POSITIVE_INFINITY, listings: row.listings };
}

/**
 * Collect every keyword match, or walk an ordered index checking the words as it goes? A walk
 * in newest order reads about listings × page ÷ matches rows (matches are spread evenly in
 * time); collecting reads every match. Prices correlate with words ("garden" is rare among
 * cheap rentals), so a walk in price order can read far more: those collect up to COLLECT_MAX.
 */
function collects({ keywords, estimate, listings }: KeywordPlan, sort: SearchSort, limit: number): boolean {
  if (!keywords) return false;
  return sort === 'newest' ? estimate * estimate <= Math.max(listings, 1) * limit : estimate <= COLLECT_MAX;
}

export interface SearchInput extends SearchFilters {
  sort: SearchSort;
  limit: number;
  cursor?: SearchPosition | undefined;
}

/** A result card, as post.search returns it. */
export type SearchCard = Prisma.PostGetPayload<{ select: typeof postCardSelect }>;

/**
 * A page's cards as one JSON array built by the database: decoding one JSON value costs the
 * server a fraction of decoding 25 rows column by column (text arrays above all). Times travel
 * as milliseconds since 1970 (the columns hold UTC).
 */
const cardJson = Prisma.raw(
  `json_build_object(${Object.keys(postCardSelect)
    .map((column) => `'${column}', ${column === 'createdAt' ? `floor(extract(epoch FROM "${column}") * 1000)` : `"${column}"`}`)
    .join(', ')})`,
);

/** Filters whose values never change the best plan: a city, a type, a property (and the cursor, which only moves the walk's start). */
function equalitiesOnly(filters: SearchFilters): boolean {
  return filterNames.every((name) => name === 'city' || name === 'type' || name === 'property' || filters[name] === undefined);
}

/** One page of cards in the sort's order, the cursor after it, and the total (capped): one statement. */
export async function searchPage(db: Db, input: SearchInput) {
  const plan = await keywordPlan(db, input.q);
  const { keywords } = plan;
  const where = filterConditions(input, keywords);
  const next = after(input.sort, input.cursor) ?? Prisma.sql`true`;
  const limit = Prisma.raw(String(input.limit + 1));
  const collect = collects(plan, input.sort, input.limit + 1);
  const cap = collect ? Number.POSITIVE_INFINITY : keywords ? KEYWORD_TOTAL_CAP : TOTAL_CAP;
  const cards = Prisma.sql`coalesce(json_agg(${cardJson} ORDER BY ${order[input.sort]}), '[]') AS cards`;

  type Row = { cards: Array<Omit<SearchCard, 'createdAt'> & { createdAt: number }>; total: number };
  const [row] = collect
    ? // Every match, collected through the keyword index; the page and the count from them.
      await db.query<Row>(Prisma.sql`
        WITH matches AS MATERIALIZED (SELECT "id", "createdAt", "price" FROM "Post" WHERE ${where}),
             page AS (SELECT "id" FROM matches WHERE ${next} ORDER BY ${order[input.sort]} LIMIT ${limit})
        SELECT ${cards}, (SELECT count(*)::int FROM matches) AS total
        FROM "Post" WHERE "id" IN (SELECT "id" FROM page)`)
    : // The page's ids from an index walked in order (index-only), then their cards.
      await db.query<Row>(
        Prisma.sql`
        SELECT ${cards}, (${countOf(input, where, cap)}) AS total FROM "Post"
        WHERE "id" IN (SELECT "id" FROM "Post" WHERE ${where} AND ${next} ORDER BY ${order[input.sort]} LIMIT ${limit})`,
        { prepare: equalitiesOnly(input) },
      );
  const found = (row?.cards ?? []).map((card): SearchCard => ({ ...card, createdAt: new Date(card.createdAt) }));
  const total = row?.total ?? 0;
  const page = found.slice(0, input.limit);
  const last = page.at(-1);
  const position = (card: SearchCard) =>
    input.sort === 'newest'
      ? { s: input.sort, createdAt: card.createdAt.toISOString(), id: card.id }
      : { s: input.sort, price: card.price, id: card.id };
  return {
    items: page,
    nextCursor: found.length > input.limit && last ? encodeCursor('search', position(last)) : null,
    total: Math.min(total, cap),
    totalCapped: total > cap,
  };
}

/**
 * How many listings match, as a scalar SQL expression. Everything, or one city, is read from
 * the city counts without counting; anything else is counted no further than one past the cap.
 */
function countOf(filters: SearchFilters, where: Prisma.Sql, cap: number): Prisma.Sql {
  if (filterNames.every((name) => name === 'city' || filters[name] === undefined)) {
    const city = filters.city?.toLowerCase();
    return Prisma.sql`SELECT coalesce(sum("count"), 0)::int FROM "City" WHERE ${city ? Prisma.sql`"key" = ${city}` : Prisma.sql`true`}`;
  }
  const limit = Number.isFinite(cap) ? Prisma.sql`LIMIT ${cap + 1}` : Prisma.empty;
  return Prisma.sql`SELECT count(*)::int FROM (SELECT 1 FROM "Post" WHERE ${where} ${limit}) capped`;
}
