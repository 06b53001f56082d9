import { type PostType, Prisma, type Property, type SqlClient } from '@estate/db';
import type { Bounds, SearchFilters } from '../schemas/search.js';
import { filterConditions, inBounds, keywordQuery } from './search.js';

// Every matching home in a map view, grouped into square cells a quarter of a map tile wide
// (about 64 px) at the view's zoom: one cluster per cell, with its count, the mean position of
// its homes (where the map draws it) and the area to zoom to when it is clicked. From
// HOMES_ZOOM on, and for cells with one home, the homes themselves.
//
// Up to zoom 13, when the filters are among what the map cells count by (city, type,
// property, rooms), the cells wholly inside the view are added up from MapCell (a few rows per
// cell, however many homes), and only the homes in the view's edge cells, which the view cuts,
// are grouped from the listings themselves: the counts are exact, the same as the list's.

/** From this zoom on (streets), every home is shown on its own. */
export const HOMES_ZOOM = 16;
/** The highest zoom the map cells are kept for. */
const CELLS_ZOOM = 13;
/** Cells per map tile along each side. */
const CELLS_PER_TILE = 4;
/** What the map cells count rooms by: 5 means 5 or more bedrooms, 4 means 4 or more bathrooms. */
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

/** One cell's homes, from either source (the extent and the lone home only from the listings). */
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

/** Whether the map cells can answer these filters exactly. */
function cellsAnswer(filters: Filters, zoom: number): boolean {
  return (
    zoom <= CELLS_ZOOM &&
    filters.bounds.west <= filters.bounds.east &&
    filters.minPrice === undefined &&
    filters.maxPrice === undefined &&
    !keywordQuery(filters.q) &&
    (filters.minBedrooms ?? 0) <= ROOMS_KEPT.bedroom &&
    (filters.minBathrooms ?? 0) <= ROOMS_KEPT.bathroom
  );
}

/** Homes grouped by cell, straight from the listings, within `area` (SQL over latitude and longitude). */
function fromListings(filters: Filters, cell: number, area: Prisma.Sql): Prisma.Sql {
  const { bounds: _, ...rest } = filters;
  return Prisma.sql`
    SELECT floor("longitude" / ${cell})::int AS x, floor("latitude" / ${cell})::int AS y, count(*)::int AS count,
           sum("latitude") AS "sumLatitude", sum("longitude") AS "sumLongitude",
           min("latitude") AS south, max("latitude") AS north, min("longitude") AS west, max("longitude") AS east,
           CASE WHEN count(*) = 1 THEN min("id"::text) END AS id,
           CASE WHEN count(*) = 1 THEN min("price") END AS price,
           CASE WHEN count(*) = 1 THEN min("type"::text) END AS type,
           CASE WHEN count(*) = 1 THEN min("property"::text) END AS property
    FROM "Post" WHERE ${filterConditions(rest, keywordQuery(filters.q))} AND ${area}
    GROUP BY 1, 2`;
}

/**
 * The one home of each of these cells (counted alone in MapCell): a home on the map shows its
 * price, so it is looked up, each in its cell's range of the area index.
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

/** The cells' rows: whole inner cells from MapCell, the edge strips from the listings. */
async function cellRows(db: Db, filters: Filters, zoom: number, cell: number): Promise<CellRow[]> {
  const { south, north, west, east } = filters.bounds;
  // Cells wholly inside the view: [x0, x1] × [y0, y1].
  const [x0, x1, y0, y1] = [Math.ceil(west / cell), Math.floor(east / cell) - 1, Math.ceil(south / cell), Math.floor(north / cell) - 1];
  if (!cellsAnswer(filters, zoom) || x0 > x1 || y0 > y1) return db.query<CellRow>(fromListings(filters, cell, inBounds(filters.bounds)));

  const [innerWest, innerEast, innerSouth, innerNorth] = [x0 * cell, (x1 + 1) * cell, y0 * cell, (y1 + 1) * cell];
  const city = filters.city?.toLowerCase();
  const dimensions = [
    city ? Prisma.sql`"cityKey" = ${city}` : null,
    filters.type ? Prisma.sql`"type" = ${filters.type}::"PostType"` : null,
    filters.property ? Prisma.sql`"property" = ${filters.property}::"Property"` : null,
    filters.minBedrooms !== undefined ? Prisma.sql`"bedroom" >= ${filters.minBedrooms}` : null,
    filters.minBathrooms !== undefined ? Prisma.sql`"bathroom" >= ${filters.minBathrooms}` : null,
  ].filter((condition): condition is Prisma.Sql => condition !== null);
  // The edge strips, which the inner cells do not cover: south, north, then west and east between them.
  const strips = [
    Prisma.sql`"latitude" >= ${south} AND "latitude" < ${innerSouth} AND "longitude" BETWEEN ${west} AND ${east}`,
    Prisma.sql`"latitude" >= ${innerNorth} AND "latitude" <= ${north} AND "longitude" BETWEEN ${west} AND ${east}`,
    Prisma.sql`"latitude" >= ${innerSouth} AND "latitude" < ${innerNorth} AND "longitude" >= ${west} AND "longitude" < ${innerWest}`,
    Prisma.sql`"latitude" >= ${innerSouth} AND "latitude" < ${innerNorth} AND "longitude" >= ${innerEast} AND "longitude" <= ${east}`,
  ];
  return db.query<CellRow>(Prisma.sql`
    SELECT "x", "y", sum("count")::int AS count, sum("sumLatitude") AS "sumLatitude", sum("sumLongitude") AS "sumLongitude",
           NULL::float8 AS south, NULL::float8 AS north, NULL::float8 AS west, NULL::float8 AS east,
           NULL::text AS id, NULL::int AS price, NULL::text AS type, NULL::text AS property
    FROM "MapCell"
    WHERE "zoom" = ${zoom} AND "x" BETWEEN ${x0} AND ${x1} AND "y" BETWEEN ${y0} AND ${y1}
      ${dimensions.length > 0 ? Prisma.sql`AND ${Prisma.join(dimensions, ' AND ')}` : Prisma.empty}
    GROUP BY "x", "y"
    ${Prisma.join(
      strips.map((strip) => Prisma.sql`UNION ALL ${fromListings(filters, cell, strip)}`),
      ' ',
    )}`);
}

export async function mapClusters(db: Db, filters: Filters, zoom: number) {
  // Past HOMES_ZOOM a cell is 1e-6° (a tenth of a metre): each home its own cell, but homes at one address.
  const cell = zoom >= HOMES_ZOOM ? 1e-6 : cellDegrees(zoom);
  const { bounds } = filters;
  const clusters: Cluster[] = [];
  const homes: MapHome[] = [];
  // The inner area and the strips meet at cell edges: each cell comes from one of them.
  const rows = await cellRows(db, filters, zoom, cell);
  const alone = rows.filter((row) => row.count === 1 && !row.id);
  const found = alone.length > 0 ? await loneHomes(db, filters, cell, alone) : [];
  for (const row of [...rows.filter((row) => !(row.count === 1 && !row.id)), ...found]) {
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
