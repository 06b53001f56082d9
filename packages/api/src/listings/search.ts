import { Prisma, type SqlClient } from '@estate/db';
import { z } from 'zod';
import { cursorOf, encodeCursor } from '../cursor.js';
import { type SearchFilters, searchFilterShape } from '../schemas/search.js';
import type { SearchSort } from '../schemas/search-address.js';
import { countFromCells } from './clusters.js';
import { filterConditions, keywordMatch, keywordQuery } from './filters.js';
import { postCardSelect } from './select.js';

// Search is SQL first. Each sort order has indexes that hold every filter column (schema.prisma,
// Post_search_*), so a page is found by walking one of them in order and checking the filters
// inside the index, without reading the table; only the page's rows are read. The total comes
// from the map's cells where they keep the filters (exact, however many), else it is counted
// the same way, up to TOTAL_CAP. Keywords are the exception: their words are in a GIN
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
/** Keyword searches in price order walk the price index when they are expected to read at most this many listings for a page. */
const WALK_MAX = 500;
/**
 * A price window is sized to hold this many times the page's matches at the keywords' rate:
 * words are rarer among the cheapest listings (for "garden", 4 times held 2 matches).
 */
const WINDOW_SPARE = 32;
/** Reading a listing from the table costs about as much as this many entries of an index's bitmap (1.2 µs and 0.13 µs at 1,000,000). */
const ROW_COST = 9;
/**
 * Reading the next listing in newest order costs this fraction of reading one from anywhere in the
 * table: listings are stored in the order they are posted (3,067 read in 3.4 ms in order, 5,448
 * matches in 13 ms from the keyword index, at 1,000,000).
 */
const IN_ORDER = 0.45;
/** A window that held too few matches is tried again this many times wider. */
const WINDOW_GROWTH = 8;

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

interface KeywordPlan {
  keywords: string | null;
  /** How many listings the planner expects the keywords to match, and how many there are. */
  estimate: number;
  listings: number;
}

/**
 * What changes slowly (the planner's estimates, listings per price band), kept a few minutes
 * per database, for the last few hundred keys.
 */
function keptForAWhile<T>(): (db: Db, key: string, compute: () => Promise<T>) => Promise<T> {
  const TTL_MS = 5 * 60_000;
  const KEPT = 500;
  const byDb = new WeakMap<Db, Map<string, { value: T; until: number }>>();
  return async (db, key, compute) => {
    const kept = byDb.get(db) ?? new Map<string, { value: T; until: number }>();
    byDb.set(db, kept);
    const known = kept.get(key);
    if (known && known.until > Date.now()) return known.value;
    const value = await compute();
    kept.delete(key);
    kept.set(key, { value, until: Date.now() + TTL_MS });
    if (kept.size > KEPT) kept.delete(kept.keys().next().value ?? '');
    return value;
  };
}

const plans = keptForAWhile<KeywordPlan>();

/**
 * The keywords' tsquery, if it has words the dictionary keeps (a query of stop words alone,
 * like "the", filters nothing), with the planner's estimates.
 */
async function keywordPlan(db: Db, q: string | undefined, city: string | undefined): Promise<KeywordPlan> {
  const keywords = keywordQuery(q);
  if (!keywords) return { keywords: null, estimate: 0, listings: 0 };
  return plans(db, `${keywords}\n${city ?? ''}`, () => estimateKeywords(db, keywords, city));
}

async function estimateKeywords(db: Db, keywords: string, city: string | undefined): Promise<KeywordPlan> {
  const none = { keywords: null, estimate: 0, listings: 0 };
  const [row] = await db.query<{ nodes: number; listings: number }>(Prisma.sql`
    SELECT numnode(to_tsquery('english', ${keywords}))::int AS nodes,
           (SELECT reltuples FROM pg_class WHERE oid = '"Post"'::regclass)::float8 AS listings`);
  if (!row?.nodes) return none;
  const [explained] = await db.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(Prisma.sql`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "Post" WHERE ${keywordMatch(keywords, city)}`);
  return { keywords, estimate: explained?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? Number.POSITIVE_INFINITY, listings: row.listings };
}

/**
 * How a page is found. `walk`: an ordered index, checking the filters as it goes (for keywords,
 * on each listing read). `collect`: every match, through the keyword index, sorted. `window`:
 * the matches within a price range next in the sort's order, collected, sorted, the range
 * widened if it held too few.
 *
 * A walk in newest order reads about listings × page ÷ matches rows (matches are spread evenly
 * in time), then counts the matches up to KEYWORD_TOTAL_CAP; collecting reads every match, which
 * counts them too. With keywords alone, the walk reads listings in the order they are stored,
 * each at a fraction of the cost of a match read from anywhere in the table (IN_ORDER); with
 * other filters (a city), PostgreSQL collects their matches itself when it sees few, so a search
 * collects them when they are few (at most √(listings × page)). Prices correlate with words
 * ("garden" is rare among cheap rentals), so a walk in price order can read far more: a keyword
 * search in price order walks only for words so frequent that the walk is short; otherwise it
 * collects all its matches (reading each from the table: 13,761 for "garden" at 1,000,000
 * listings took 17 ms) or a price window's (the window's entries of the price index and the
 * word's of the keyword index, combined as bitmaps, then only the matches in it read: 8 ms),
 * whichever is cheaper.
 */
function modeOf({ keywords, estimate, listings }: KeywordPlan, input: SearchInput, limit: number): 'walk' | 'collect' | 'window' {
  if (!keywords) return 'walk';
  const all = Math.max(listings, 1);
  if (input.sort === 'newest') {
    if (!noFilterBut(input, 'q')) return estimate * estimate <= all * limit ? 'collect' : 'walk';
    const walk = ((all * limit) / Math.max(estimate, 1)) * IN_ORDER;
    const collectedBeyondCount = estimate - Math.min(estimate, KEYWORD_TOTAL_CAP + 1);
    return walk <= collectedBeyondCount ? 'walk' : 'collect';
  }
  if ((all * limit) / estimate <= WALK_MAX) return 'walk';
  return firstWindow({ estimate, listings }, limit) <= ROW_COST * estimate ? 'window' : 'collect';
}

/** How many listings a first price window holds, to find `limit` matches at the keywords' estimated rate. */
function firstWindow({ estimate, listings }: Pick<KeywordPlan, 'estimate' | 'listings'>, limit: number): number {
  return (WINDOW_SPARE * limit * Math.max(listings, 1)) / Math.max(estimate, 1);
}

/** Listings per price band, lowest first: what a price window holds. */
type PriceBands = Array<{ band: number; count: number }>;
const bandsKept = keptForAWhile<PriceBands>();

/** Listings per price band (of a type), from the map's price cells at zoom 0, where one cell holds half the world. */
function priceBands(db: Db, type: SearchFilters['type']): Promise<PriceBands> {
  return bandsKept(db, type ?? '', () =>
    db.query<{ band: number; count: number }>(Prisma.sql`
      SELECT "band", sum("count")::int AS count FROM "MapPriceCell"
      WHERE "zoom" = 0 ${type ? Prisma.sql`AND "type" = ${type}::"PostType"` : Prisma.empty}
      GROUP BY "band" ORDER BY "band"`),
  );
}

/**
 * The far price of a window of about `wanted` listings from `from` on, in the sort's order
 * (a band holds the prices 2^(band/16) to 2^((band+1)/16), estate_price_band); null when
 * the rest of the bands hold fewer.
 */
function windowEdge(bands: PriceBands, sort: 'price_asc' | 'price_desc', from: number | undefined, wanted: number): number | null {
  const edge = (band: number) => 2 ** (band / 16);
  let held = 0;
  for (const { band, count } of sort === 'price_asc' ? bands : [...bands].reverse()) {
    const ahead = from === undefined || (sort === 'price_asc' ? edge(band + 1) > from : edge(band) <= from);
    if (!ahead) continue;
    held += count;
    if (held >= wanted) return sort === 'price_asc' ? Math.ceil(edge(band + 1)) : Math.floor(edge(band));
  }
  return null;
}

export interface SearchInput extends SearchFilters {
  sort: SearchSort;
  limit: number;
  cursor?: SearchPosition | undefined;
}

/** A result card, as post.search returns it: with `isSaved`, whether the viewer saved the home. */
export type SearchCard = Prisma.PostGetPayload<{ select: typeof postCardSelect }> & { isSaved: boolean };

/**
 * A page's cards as one JSON array built by the database: decoding one JSON value costs the
 * server a fraction of decoding 25 rows column by column (text arrays above all). Times travel
 * as milliseconds since 1970 (the columns hold UTC). Whether `viewer` saved each home is looked
 * up in the same statement, through SavedPost's (userId, postId) index; when signed out, it is
 * the constant false (a null viewer parameter made PostgreSQL plan every call).
 */
const cardColumns = Prisma.raw(
  Object.keys(postCardSelect)
    .map((column) => `'${column}', ${column === 'createdAt' ? `floor(extract(epoch FROM "${column}") * 1000)` : `"${column}"`}`)
    .join(', '),
);
const cardJson = (viewer: string | null) =>
  Prisma.sql`json_build_object(${cardColumns}, 'isSaved', ${viewer ? Prisma.sql`EXISTS (SELECT 1 FROM "SavedPost" WHERE "userId" = ${viewer}::uuid AND "postId" = "Post"."id")` : Prisma.sql`false`})`;

/** Cards as the database builds them (cardJson), times in milliseconds. */
type CardRows = Array<Omit<SearchCard, 'createdAt'> & { createdAt: number }>;

/**
 * The page's cards (one more, to tell whether a next page exists) from the matches within a
 * price window next in the sort's order, collected and sorted; a window that held too few is
 * tried again wider, until it reaches the end of the prices.
 */
async function windowCards(
  db: Db,
  input: SearchInput,
  sort: 'price_asc' | 'price_desc',
  plan: KeywordPlan,
  where: Prisma.Sql,
  next: Prisma.Sql,
  cards: Prisma.Sql,
): Promise<CardRows> {
  const bands = await priceBands(db, input.type);
  const from = input.cursor?.s === sort ? input.cursor.price : sort === 'price_asc' ? input.minPrice : input.maxPrice;
  const limit = Prisma.raw(String(input.limit + 1));
  for (let wanted = firstWindow(plan, input.limit + 1); ; wanted *= WINDOW_GROWTH) {
    // The edge is a value the planner sees: it reads the price index's range and the keyword index, and combines them.
    const edge = windowEdge(bands, sort, from, wanted);
    const window =
      edge === null ? Prisma.sql`true` : sort === 'price_asc' ? Prisma.sql`"price" <= ${edge}` : Prisma.sql`"price" >= ${edge}`;
    const [row] = await db.query<{ cards: CardRows }>(Prisma.sql`
      WITH matches AS MATERIALIZED (SELECT "id", "price" FROM "Post" WHERE ${where} AND ${next} AND ${window}),
           page AS (SELECT "id" FROM matches ORDER BY ${order[sort]} LIMIT ${limit})
      SELECT ${cards}
      FROM "Post" WHERE "id" IN (SELECT "id" FROM page)`);
    const found = row?.cards ?? [];
    if (edge === null || found.length > input.limit) return found;
  }
}

/** Filters whose values never change the best plan: a city, a type, a property (and the cursor, which only moves the walk's start). */
const equalitiesOnly = (filters: SearchFilters) => noFilterBut(filters, 'city', 'type', 'property');

/** Whether no filter is set but these (which may be unset too). */
function noFilterBut(filters: SearchFilters, ...allowed: Array<keyof SearchFilters>): boolean {
  return filterNames.every((name) => allowed.includes(name) || filters[name] === undefined);
}

/** One page of cards in the sort's order, the cursor after it, and the total (capped): one statement. */
export async function searchPage(db: Db, input: SearchInput, viewer: string | null) {
  const plan = await keywordPlan(db, input.q, input.city?.toLowerCase());
  const { keywords } = plan;
  const where = filterConditions(input, keywords);
  const next = after(input.sort, input.cursor) ?? Prisma.sql`true`;
  const limit = Prisma.raw(String(input.limit + 1));
  const mode = modeOf(plan, input, input.limit + 1);
  // Exact counts: a city's (or every city's), or the map cells', which keep the other filters but keywords.
  const byCity = noFilterBut(input, 'city');
  const cells = keywords || byCity ? null : countFromCells(input);
  const cap = mode === 'collect' || byCity || cells ? Number.POSITIVE_INFINITY : keywords ? KEYWORD_TOTAL_CAP : TOTAL_CAP;
  const cards = Prisma.sql`coalesce(json_agg(${cardJson(viewer)} ORDER BY ${order[input.sort]}), '[]') AS cards`;

  type Row = { cards: CardRows; total: number };
  let row: Row | undefined;
  if (mode === 'collect') {
    // Every match, collected through the keyword index; the page and the count from them.
    [row] = await db.query<Row>(Prisma.sql`
      WITH matches AS MATERIALIZED (SELECT "id", "createdAt", "price" FROM "Post" WHERE ${where}),
           page AS (SELECT "id" FROM matches WHERE ${next} ORDER BY ${order[input.sort]} LIMIT ${limit})
      SELECT ${cards}, (SELECT count(*)::int FROM matches) AS total
      FROM "Post" WHERE "id" IN (SELECT "id" FROM page)`);
  } else if (mode === 'window' && input.sort !== 'newest') {
    // The count reads the keyword index again and a listing per match (3 of the 12 ms for "garden" at
    // 1,000,000 listings): on another connection, while the windows are read.
    const [windowed, [counted]] = await Promise.all([
      windowCards(db, input, input.sort, plan, where, next, cards),
      db.query<{ total: number }>(Prisma.sql`SELECT (${countOf(input, where, cap, cells)}) AS total`),
    ]);
    row = { cards: windowed, total: counted?.total ?? 0 };
  } else {
    // The page's ids from an index walked in order (index-only), then their cards.
    [row] = await db.query<Row>(
      Prisma.sql`
      SELECT ${cards}, (${countOf(input, where, cap, cells)}) AS total FROM "Post"
      WHERE "id" IN (SELECT "id" FROM "Post" WHERE ${where} AND ${next} ORDER BY ${order[input.sort]} LIMIT ${limit})`,
      { prepare: equalitiesOnly(input) },
    );
  }
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
 * the city counts; filters the map's cells keep are added up from them (`cells`), exactly;
 * anything else is counted no further than one past the cap.
 */
function countOf(filters: SearchFilters, where: Prisma.Sql, cap: number, cells: Prisma.Sql | null): Prisma.Sql {
  if (noFilterBut(filters, 'city')) {
    const city = filters.city?.toLowerCase();
    return Prisma.sql`SELECT coalesce(sum("count"), 0)::int FROM "City" WHERE ${city ? Prisma.sql`"key" = ${city}` : Prisma.sql`true`}`;
  }
  if (cells) return cells;
  const limit = Number.isFinite(cap) ? Prisma.sql`LIMIT ${cap + 1}` : Prisma.empty;
  return Prisma.sql`SELECT count(*)::int FROM (SELECT 1 FROM "Post" WHERE ${where} ${limit}) capped`;
}
