import type { RouterInputs, RouterOutputs } from '@estate/api';
import type { Bounds } from '@estate/api/schemas';
import { keepPreviousData, skipToken } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc';

type ClustersInput = RouterInputs['post']['mapClusters'];
type Clusters = RouterOutputs['post']['mapClusters'];

/** The search's filters without its area: the map asks for the area it shows. */
export type MapFilters = Omit<ClustersInput, 'bounds' | 'zoom'>;
/** What the map shows. */
export type MapView = Pick<ClustersInput, 'bounds' | 'zoom'>;
export type MapCluster = Clusters['clusters'][number];
export type MapHome = Clusters['homes'][number];

/**
 * The matching homes in a map's view (none until the map has one), grouped for its zoom. The
 * previous answer stays on the map while the next loads.
 */
export function useMapClusters(filters: MapFilters, view: MapView | null) {
  return trpc.post.mapClusters.useQuery(view ? { ...filters, ...view } : skipToken, { placeholderData: keepPreviousData });
}

const world: Bounds = { north: 90, south: -90, west: -180, east: 180 };

/** A place on the map. */
export interface Point {
  latitude: number;
  longitude: number;
}

/**
 * Where the matching homes are, roughly: the mean position of the homes in each of the world's
 * cells at zoom 3 (about 1,000 km wide). With the homes listed, it is the view of a search
 * without an area of its own.
 */
export function useResultsSpread(filters: MapFilters, enabled: boolean) {
  return trpc.post.mapClusters.useQuery(enabled ? { ...filters, bounds: world, zoom: 3 } : skipToken, {
    select: ({ clusters, homes }): Point[] => [...clusters, ...homes].map(({ latitude, longitude }) => ({ latitude, longitude })),
  });
}
