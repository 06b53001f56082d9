import { type PostType, Prisma, type Property, type SqlClient } from '@estate/db';
import type { Bounds, SearchFilters } from '../schemas/search.js';
import { filterConditions, inBounds, keywordQuery } from './filters.js';

// Every matching home in a map view, grouped into square cells a quarter of a map tile wide
// (about 64 px) at the view's zoom: one cluster per cell, with its count, the mean position of
// its homes (where the map draws it) and the area to zoom to when it is clicked. From
// HOMES_ZOOM on, and for cells with one home, the homes themselves.
//
// When the filters are among what a table of counted cells keeps (MapCell: city, type,
// property, rooms, up to zoom 13; MapPriceCell: type and price, up to zoom 9), the view is
// covered by its cells like a quadtree: the biggest cells wholly inside it, then ever smaller
// ones along its edges, a few rows each however many homes they hold. Only the homes in the
// thin strips along the edges that even the smallest cells cut, and those in a price range's
// two end bands, are read from the listings. The counts are exact: the same as the list's.

/** From this zoom on (streets), every home is shown on its own. */
export const HOMES_ZOOM = 16;
/** Cells per map tile along each side. */
const CELLS_PER_TILE = 4;
/** What MapCell counts rooms by: 5 means 5 or more bedrooms, 4 means 4 or more bathrooms. */
const ROOMS_KEPT = { bedroom: 5, bathroom: 4 };

type Db = SqlClient;
type Filters = SearchFilters & { bounds: Bounds };

export interface Cluster {
  count: number;
  latitude: number;
  longitude: number;
  /** The part of the view its homes are in: what a click zooms to. */
  bounds: Bounds;
}

export interface MapHome {
  id: string;
  latitude: number;
  longitude: number;
  price: number;
  type: PostType;
  property: Property;
}

/** One cell's homes, from any source (the extent and the lone home only from the listings). */
interface CellRow {
  x: number;
  y: number;
  count: number;
  sumLatitude: number;
  sumLongitude: number;
  south: number | null;
  north: number | null;
  west: number | null;
  east: number | null;
  id: string | null;
  price: number | null;
  type: PostType | null;
  property: Property | null;
}

/** The size of a cell in degrees at this zoom (Web Mercator tiles are 360° / 2^zoom wide); the migration's estate_cell_size. */
export function cellDegrees(zoom: number): number {
  return 360 / 2 ** zoom / CELLS_PER_TILE;
}

/** Cells [x0, x1] × [y0, y1] at one zoom; empty when x0 > x1 or y0 > y1. */
interface CellRange {
  zoom: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const isEmpty = (range: CellRange) => range.x0 > range.x1 || range.y0 > range.y1;

/** The cells at `zoom` wholly inside `bounds`. */
function cellsInside(bounds: Bounds, zoom: number): CellRange {
  const size = cellDegrees(zoom);
  return {
    zoom,
    x0: Math.ceil(bounds.west / size),
    x1: Math.floor(bounds.east / size) - 1,
    y0: Math.ceil(bounds.south / size),
    y1: Math.floor(bounds.north / size) - 1,
  };
}

/**
 * The view as cells from `zoom` down to `finest`, without overlaps: at each zoom the cells
 * wholly inside the view that the bigger ones before did not cover (a ring of four ranges
 * along the edges). `covered`: the finest cells inside the view, the part all the pieces cover.
 */
function coverView(bounds: Bounds, zoom: number, finest: number): { pieces: CellRange[]; covered: CellRange | null } {
  const pieces: CellRange[] = [];
  let covered: CellRange | null = null;
  for (let z = zoom; z <= finest; z++) {
    const inside = cellsInside(bounds, z);
    if (isEmpty(inside)) continue;
    if (covered) {
      // The bigger cells' range in this zoom's cells (each cell is four of the next zoom's).
      const [x0, x1, y0, y1] = [covered.x0 * 2, covered.x1 * 2 + 1, covered.y0 * 2, covered.y1 * 2 + 1];
      const ring = [
        { zoom: z, x0: inside.x0, x1: inside.x1, y0: inside.y0, y1: y0 - 1 },
        { zoom: z, x0: inside.x0, x1: inside.x1, y0: y1 + 1, y1: inside.y1 },
        { zoom: z, x0: inside.x0, x1: x0 - 1, y0, y1 },
        { zoom: z, x0: x1 + 1, x1: inside.x1, y0, y1 },
      ];
      pieces.push(...ring.filter((range) => !isEmpty(range)));
    } else {
      pieces.push(inside);
    }
    covered = inside;
  }
  return { pieces, covered };
}

/** A table of homes counted by cell, for the filters it can answer. */
interface CellTable {
  name: 'MapCell' | 'MapPriceCell';
  /** The highest zoom it keeps. */
  finest: number;
  /** Its rows' conditions for the filters. */
  conditions: Prisma.Sql[];
  /** Which listings its rows count, as conditions on Post (the filters, or part of them). */
  listings: Prisma.Sql;
  /** Listings that match the filters but that its rows do not count (a price range's end bands), as conditions on Post. */
  uncounted: Prisma.Sql[];
}

const MAP_CELLS_ZOOM = 13;
const PRICE_CELLS_ZOOM = 9;

/** The table whose cells can answer these filters exactly at this zoom, if any. */
function cellTable(filters: Filters, zoom: number): CellTable | null {
  const { bounds, ...rest } = filters;
  if (bounds.west > bounds.east || keywordQuery(filters.q)) return null;
  const city = filters.city?.toLowerCase();
  const type = filters.type ? Prisma.sql`"type" = ${filters.type}::"PostType"` : null;
  const byPrice = filters.minPrice !== undefined || filters.maxPrice !== undefined;
  if (!byPrice) {
    if (zoom > MAP_CELLS_ZOOM) return null;
    if ((filters.minBedrooms ?? 0) > ROOMS_KEPT.bedroom || (filters.minBathrooms ?? 0) > ROOMS_KEPT.bathroom) return null;
    const conditions = [
      city ? Prisma.sql`"cityKey" = ${city}` : null,
      type,
      filters.property ? Prisma.sql`"property" = ${filters.property}::"Property"` : null,
      filters.minBedrooms !== undefined ? Prisma.sql`"bedroom" >= ${filters.minBedrooms}` : null,
      filters.minBathrooms !== undefined ? Prisma.sql`"bathroom" >= ${filters.minBathrooms}` : null,
    ].filter((condition): condition is Prisma.Sql => condition !== null);
    return { name: 'MapCell', finest: MAP_CELLS_ZOOM, conditions, listings: filterConditions(rest, null), uncounted: [] };
  }
  const rooms = filters.minBedrooms !== undefined || filters.minBathrooms !== undefined;
  if (zoom > PRICE_CELLS_ZOOM || city || filters.property || rooms) return null;
  // The bands wholly inside the range are counted; the homes in its end bands are read.
  const { minPrice: min, maxPrice: max } = filters;
  const band = (price: number) => Prisma.sql`estate_price_band(${price}::int)`;
  /** The bands strictly between the range's end bands, as conditions on a band (a cell's, or a listing's). */
  const innerBands = (of: Prisma.Sql) =>
    [min !== undefined ? Prisma.sql`${of} > ${band(min)}` : null, max !== undefined ? Prisma.sql`${of} < ${band(max)}` : null].filter(
      (condition): condition is Prisma.Sql => condition !== null,
    );
  const matches = filterConditions(rest, null);
  // A band's prices, a little wider (a range the price index can find), then exactly.
  const bandEdge = (edge: Prisma.Sql, widen: number) =>
    Prisma.sql`round(2.0::float8 ^ ((${edge})::float8 / 16.0::float8) * ${widen}::float8)::int`;
  const endBands = [
    min !== undefined
      ? Prisma.sql`("price" <= ${bandEdge(Prisma.sql`${band(min)} + 1`, 1.0001)} AND estate_price_band("price") = ${band(min)})`
      : null,
    max !== undefined
      ? Prisma.sql`("price" >= ${bandEdge(band(max), 0.9999)} AND estate_price_band("price") = ${band(max)}${
          min !== undefined ? Prisma.sql` AND estate_price_band("price") <> ${band(min)}` : Prisma.empty
        })`
      : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  return {
    name: 'MapPriceCell',
    finest: PRICE_CELLS_ZOOM,
    conditions: [...(type ? [type] : []), ...innerBands(Prisma.sql`"band"`)],
    listings: Prisma.sql`${matches} AND ${Prisma.join(innerBands(Prisma.sql`estate_price_band("price")`), ' AND ')}`,
    uncounted: endBands.map((end) => Prisma.sql`${matches} AND ${end}`),
  };
}

/** Homes grouped by cell, straight from the listings, where `conditions` hold. */
function fromListings(conditions: Prisma.Sql, cell: number): Prisma.Sql {
  return Prisma.sql`
    SELECT floor("longitude" / ${cell})::int AS x, floor("latitude" / ${cell})::int AS y, count(*)::int AS count,
           sum("latitude") AS "sumLatitude", sum("longitude") AS "sumLongitude",
           min("latitude") AS south, max("latitude") AS north, min("longitude") AS west, max("longitude") AS east,
           CASE WHEN count(*) = 1 THEN min("id"::text) END AS id,
           CASE WHEN count(*) = 1 THEN min("price") END AS price,
           CASE WHEN count(*) = 1 THEN min("type"::text) END AS type,
           CASE WHEN count(*) = 1 THEN min("property"::text) END AS property
    FROM "Post" WHERE ${conditions}
    GROUP BY 1, 2`;
}

/** Rows of `table` in the pieces, added up by the view zoom's cell they are part of. */
function fromCells(table: CellTable, pieces: CellRange[], zoom: number): Prisma.Sql {
  const dimensions = table.conditions.length > 0 ? Prisma.sql`AND ${Prisma.join(table.conditions, ' AND ')}` : Prisma.empty;
  const column = (values: number[]) => Prisma.sql`${values}::int[]`;
  // Pieces a few cells high are read by row (the _by_row index), the others by column (the
  // _by_column index): "+ 0" keeps the planner off the other index, which would read a
  // country-wide range for them.
  const read = (wide: boolean) => {
    const chosen = pieces.filter((piece) => piece.x1 - piece.x0 > piece.y1 - piece.y0 === wide);
    if (chosen.length === 0) return null;
    const [x, y] = wide ? [Prisma.sql`"x" + 0`, Prisma.sql`"y"`] : [Prisma.sql`"x"`, Prisma.sql`"y" + 0`];
    return Prisma.sql`
      SELECT floor(c."x" / 2.0::float8 ^ (r.zoom - ${zoom}::int))::int AS x, floor(c."y" / 2.0::float8 ^ (r.zoom - ${zoom}::int))::int AS y,
             c."count", c."sumLatitude", c."sumLongitude"
      FROM unnest(${column(chosen.map((p) => p.zoom))}, ${column(chosen.map((p) => p.x0))}, ${column(chosen.map((p) => p.x1))},
                  ${column(chosen.map((p) => p.y0))}, ${column(chosen.map((p) => p.y1))}) AS r(zoom, x0, x1, y0, y1)
      CROSS JOIN LATERAL (
        SELECT "x", "y", "count", "sumLatitude", "sumLongitude" FROM ${Prisma.raw(`"${table.name}"`)}
        WHERE "zoom" = r.zoom AND ${x} BETWEEN r.x0 AND r.x1 AND ${y} BETWEEN r.y0 AND r.y1 ${dimensions}
      ) c`;
  };
  const parts = [read(true), read(false)].filter((part): part is Prisma.Sql => part !== null);
  return Prisma.sql`
    SELECT x, y, sum("count")::int AS count, sum("sumLatitude") AS "sumLatitude", sum("sumLongitude") AS "sumLongitude",
           NULL::float8 AS south, NULL::float8 AS north, NULL::float8 AS west, NULL::float8 AS east,
           NULL::text AS id, NULL::int AS price, NULL::text AS type, NULL::text AS property
    FROM (${Prisma.join(parts, ' UNION ALL ')}) pieces
    GROUP BY x, y`;
}

/**
 * The view's strips outside `covered` (the finest cells inside it), as four conditions on
 * Post: south, north, then west and east between them. A listing is in a strip when its
 * cell is outside the range (floor(), as the cells are counted); the coordinate ranges,
 * a hair wider, are what the area indexes find.
 */
function edgeStrips(bounds: Bounds, covered: CellRange): Prisma.Sql[] {
  const size = cellDegrees(covered.zoom);
  const margin = size * 1e-9;
  const [innerWest, innerEast, innerSouth, innerNorth] = [
    covered.x0 * size,
    (covered.x1 + 1) * size,
    covered.y0 * size,
    (covered.y1 + 1) * size,
  ];
  const cellX = Prisma.sql`floor("longitude" / ${size}::float8)::int`;
  const cellY = Prisma.sql`floor("latitude" / ${size}::float8)::int`;
  const { south, north, west, east } = bounds;
  const rows = Prisma.sql`"latitude" BETWEEN ${innerSouth - margin} AND ${innerNorth + margin} AND ${cellY} BETWEEN ${covered.y0} AND ${covered.y1}`;
  return [
    Prisma.sql`"latitude" BETWEEN ${south} AND ${Math.min(north, innerSouth + margin)} AND ${cellY} < ${covered.y0} AND "longitude" BETWEEN ${west} AND ${east}`,
    Prisma.sql`"latitude" BETWEEN ${Math.max(south, innerNorth - margin)} AND ${north} AND ${cellY} > ${covered.y1} AND "longitude" BETWEEN ${west} AND ${east}`,
    Prisma.sql`${rows} AND "longitude" BETWEEN ${west} AND ${Math.min(east, innerWest + margin)} AND ${cellX} < ${covered.x0}`,
    Prisma.sql`${rows} AND "longitude" BETWEEN ${Math.max(west, innerEast - margin)} AND ${east} AND ${cellX} > ${covered.x1}`,
  ];
}

/**
 * The one home of each of these cells (counted alone in a cell table): a home on the map shows
 * its price, so it is looked up, each in its cell's range of the area index.
 */
function loneHomes(db: Db, filters: Filters, cell: number, cells: Array<{ x: number; y: number }>): Promise<CellRow[]> {
  const { bounds: _, ...rest } = filters;
  // The ranges find the cell in the index (a hair wider, for rounding); floor() is the cell's own test.
  const margin = cell * 1e-9;
  const size = Prisma.sql`${cell}::float8`;
  return db.query<CellRow>(Prisma.sql`
    SELECT c.x, c.y, 1 AS count, h."latitude" AS "sumLatitude", h."longitude" AS "sumLongitude",
           h."latitude" AS south, h."latitude" AS north, h."longitude" AS west, h."longitude" AS east,
           h."id"::text AS id, h."price", h."type"::text AS type, h."property"::text AS property
    FROM unnest(${cells.map((c) => c.x)}::int[], ${cells.map((c) => c.y)}::int[]) AS c(x, y)
    CROSS JOIN LATERAL (
      SELECT "id", "latitude", "longitude", "price", "type", "property" FROM "Post"
      WHERE ${filterConditions(rest, null)}
        AND "latitude" BETWEEN c.y * ${size} - ${margin}::float8 AND (c.y + 1) * ${size} + ${margin}::float8
        AND "longitude" BETWEEN c.x * ${size} - ${margin}::float8 AND (c.x + 1) * ${size} + ${margin}::float8
        AND floor("latitude" / ${size})::int = c.y AND floor("longitude" / ${size})::int = c.x
      LIMIT 1
    ) h`);
}

/** The parts of one cell, from the cell tables and the listings, as one. */
function merge(parts: CellRow[]): CellRow {
  if (parts.length === 1 && parts[0]) return parts[0];
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  // The extent is known only when every part came from the listings.
  const extent = (key: 'south' | 'north' | 'west' | 'east', pick: (...values: number[]) => number) =>
    parts.every((part) => part[key] !== null) ? pick(...parts.map((part) => part[key] as number)) : null;
  const lone = count === 1 ? parts.find((part) => part.count === 1) : undefined;
  return {
    x: parts[0]?.x ?? 0,
    y: parts[0]?.y ?? 0,
    count,
    sumLatitude: parts.reduce((sum, part) => sum + part.sumLatitude, 0),
    sumLongitude: parts.reduce((sum, part) => sum + part.sumLongitude, 0),
    south: extent('south', Math.min),
    north: extent('north', Math.max),
    west: extent('west', Math.min),
    east: extent('east', Math.max),
    id: lone?.id ?? null,
    price: lone?.price ?? null,
    type: lone?.type ?? null,
    property: lone?.property ?? null,
  };
}

/**
 * Statements whose rows are every matching home in the view by cell at `zoom`, from a cell
 * table and the listings it does not count; null when no cell table answers.
 */
function fromCellTable(filters: Filters, zoom: number, cell: number): Prisma.Sql[] | null {
  const { bounds } = filters;
  const table = cellTable(filters, zoom);
  const cover = table ? coverView(bounds, zoom, table.finest) : null;
  if (!table || !cover?.covered) return null;
  return [
    fromCells(table, cover.pieces, zoom),
    ...edgeStrips(bounds, cover.covered).map((strip) => fromListings(Prisma.sql`${table.listings} AND ${strip}`, cell)),
    ...table.uncounted.map((condition) => fromListings(Prisma.sql`${condition} AND ${inBounds(bounds)}`, cell)),
  ];
}

const world: Bounds = { south: -90, north: 90, west: -180, east: 180 };

/**
 * How many listings match, counted from MapCell (a scalar SQL expression), or null when it
 * cannot answer these filters. The view (the world without bounds) is covered from the zoom
 * whose cells are about a quarter of its shorter side. Not by price: a price range's end bands
 * are read listing by listing, more of them the more listings there are (45,620 homes from
 * $300,000 to $350,000 took 18 ms to count at 1,000,000, where a count that stops at the cap
 * takes 6).
 */
export function countFromCells(filters: SearchFilters): Prisma.Sql | null {
  if (filters.minPrice !== undefined || filters.maxPrice !== undefined) return null;
  const bounds = filters.bounds ?? world;
  const side = Math.min(bounds.north - bounds.south, bounds.east - bounds.west);
  const zoom = Math.max(0, Math.ceil(Math.log2(360 / CELLS_PER_TILE / Math.max(side / 4, 1e-9))));
  const parts = fromCellTable({ ...filters, bounds }, zoom, cellDegrees(zoom));
  return parts && Prisma.sql`SELECT coalesce(sum(count), 0)::int FROM (${Prisma.join(parts, ' UNION ALL ')}) counted`;
}

/** Every matching home in the view, by cell: from a cell table where one answers, else from the listings. */
async function cellRows(db: Db, filters: Filters, zoom: number, cell: number): Promise<CellRow[]> {
  const { bounds, ...rest } = filters;
  const parts = fromCellTable(filters, zoom, cell);
  if (!parts) {
    return db.query<CellRow>(fromListings(Prisma.sql`${filterConditions(rest, keywordQuery(filters.q))} AND ${inBounds(bounds)}`, cell));
  }
  const rows = await db.query<CellRow>(Prisma.join(parts, ' UNION ALL '));
  const byCell = new Map<string, CellRow[]>();
  for (const row of rows) {
    const key = `${row.x},${row.y}`;
    byCell.set(key, [...(byCell.get(key) ?? []), row]);
  }
  return [...byCell.values()].map(merge);
}

export async function mapClusters(db: Db, filters: Filters, zoom: number) {
  // Past HOMES_ZOOM a cell is 1e-6° (a tenth of a metre): each home its own cell, but homes at one address.
  const cell = zoom >= HOMES_ZOOM ? 1e-6 : cellDegrees(zoom);
  const { bounds } = filters;
  const clusters: Cluster[] = [];
  const homes: MapHome[] = [];
  const rows = await cellRows(db, filters, zoom, cell);
  const unnamed = (row: CellRow) => row.count === 1 && !row.id;
  const alone = rows.filter(unnamed);
  const found = alone.length > 0 ? await loneHomes(db, filters, cell, alone) : [];
  for (const row of [...rows.filter((row) => !unnamed(row)), ...found]) {
    const latitude = row.sumLatitude / row.count;
    const longitude = row.sumLongitude / row.count;
    if (row.count === 1 && row.id && row.price !== null && row.type && row.property) {
      homes.push({ id: row.id, latitude, longitude, price: row.price, type: row.type, property: row.property });
      continue;
    }
    // A summed cell's homes are somewhere in the cell: a click zooms to the cell (within the view).
    clusters.push({
      count: row.count,
      latitude,
      longitude,
      bounds: {
        south: row.south ?? Math.max(bounds.south, row.y * cell),
        north: row.north ?? Math.min(bounds.north, (row.y + 1) * cell),
        west: row.west ?? Math.max(bounds.west, row.x * cell),
        east: row.east ?? Math.min(bounds.east, (row.x + 1) * cell),
      },
    });
  }
  return { clusters, homes, total: clusters.reduce((sum, c) => sum + c.count, 0) + homes.length };
}
