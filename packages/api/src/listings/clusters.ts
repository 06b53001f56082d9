import type { PrismaClient } from '@estate/db';
import type { Bounds, SearchFilters } from '../schemas/search.js';
import { filterConditions, keywordQuery } from './search.js';

// Every matching home in a map view, grouped into square cells about a quarter of a map tile
// (64 px) wide at the view's zoom: one cluster per cell, with its count, the mean position of
// its homes (where the map draws it) and their extent (what a click zooms to). A cell with one
// home is that home.

/** From this zoom on (streets), every home is shown on its own. */
export const HOMES_ZOOM = 16;
/** Cells per map tile along each side. */
const CELLS_PER_TILE = 4;

export interface Cluster {
  count: number;
  latitude: number;
  longitude: number;
  bounds: Bounds;
}

export interface MapHome {
  id: string;
  latitude: number;
  longitude: number;
  price: number;
  type: 'buy' | 'rent';
}

interface CellRow {
  count: number;
  latitude: number;
  longitude: number;
  south: number;
  north: number;
  west: number;
  east: number;
  id: string | null;
  price: number | null;
  type: 'buy' | 'rent' | null;
}

/** The size of a cell in degrees at this zoom (Web Mercator tiles are 360° / 2^zoom wide). */
export function cellDegrees(zoom: number): number {
  return 360 / 2 ** zoom / CELLS_PER_TILE;
}

export async function mapClusters(db: Pick<PrismaClient, '$queryRaw'>, filters: SearchFilters & { bounds: Bounds }, zoom: number) {
  const where = filterConditions(filters, keywordQuery(filters.q));
  // Past HOMES_ZOOM a cell is smaller than any two homes' distance: each home its own cell.
  const cell = zoom >= HOMES_ZOOM ? 1e-9 : cellDegrees(zoom);
  const rows = await db.$queryRaw<CellRow[]>`
    SELECT count(*)::int AS count, avg("latitude") AS latitude, avg("longitude") AS longitude,
           min("latitude") AS south, max("latitude") AS north, min("longitude") AS west, max("longitude") AS east,
           CASE WHEN count(*) = 1 THEN min("id"::text) END AS id,
           CASE WHEN count(*) = 1 THEN min("price") END AS price,
           CASE WHEN count(*) = 1 THEN min("type"::text) END AS type
    FROM "Post" WHERE ${where}
    GROUP BY floor("longitude" / ${cell}), floor("latitude" / ${cell})`;
  const clusters: Cluster[] = [];
  const homes: MapHome[] = [];
  for (const row of rows) {
    if (row.count === 1 && row.id && row.price !== null && row.type) {
      homes.push({ id: row.id, latitude: row.latitude, longitude: row.longitude, price: row.price, type: row.type });
    } else {
      clusters.push({
        count: row.count,
        latitude: row.latitude,
        longitude: row.longitude,
        bounds: { south: row.south, north: row.north, west: row.west, east: row.east },
      });
    }
  }
  return { clusters, homes, total: rows.reduce((sum, row) => sum + row.count, 0) };
}
