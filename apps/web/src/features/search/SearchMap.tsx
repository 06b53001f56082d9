import { type Bounds, boundsParam, boundsSchema } from '@estate/api/schemas';
import {
  divIcon,
  type LatLngBounds,
  type LatLngTuple,
  type Map as LeafletMap,
  type Marker as LeafletMarker,
  latLngBounds,
  point,
} from 'leaflet';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Marker, Popup, useMap } from 'react-leaflet';
import { Link } from 'react-router';
import { buttonClass } from '../../components/ui/button';
import { LocationMap, prefersReducedMotion } from '../../components/ui/LocationMap';
import { Photo } from '../../components/ui/Photo';
import { Skeleton } from '../../components/ui/Skeleton';
import { isInputError } from '../../lib/api-error';
import { cx } from '../../lib/class-names';
import { formatAmount, formatCount, formatPrice, propertyLabel, typeLabel } from '../../lib/format';
import { paths } from '../../lib/paths';
import styles from './SearchMap.module.css';
import { useDebouncedValue } from './use-debounced-value';
import { useHomePreview } from './use-home-preview';
import {
  type MapCluster,
  type MapFilters,
  type MapHome,
  type MapView,
  type Point,
  useMapClusters,
  useResultsSpread,
} from './use-map-clusters';

/** A card the pointer or focus is on. */
export interface HighlightedHome extends Point {
  id: string;
}

interface SearchMapProps {
  filters: MapFilters;
  /** The area the results are limited to (the address's), if any. */
  area: Bounds | undefined;
  /** The homes on the list's first page (undefined until it has one): with no area, the map starts around them. */
  listed: Point[] | undefined;
  /** Its marker stands out, or the cluster it is in. */
  highlighted: HighlightedHome | null;
  /** A home picked on the map, or null once its popup closes. */
  onSelect: (id: string | null) => void;
  onSearchArea: (bounds: Bounds) => void;
}

/** Where the view was last fitted to: the address's area, or the results of a search without one. */
interface Target {
  key: string;
  /** Null when nothing matches: the view stays where it is. */
  bounds: Bounds | null;
}

interface Selected {
  home: MapHome;
  position: LatLngTuple;
  /** The marker's button, to return focus to when the popup closes. */
  trigger: HTMLElement | null;
  byKeyboard: boolean;
}

/**
 * Every matching home in the map's view, as clusters and price pills. Moving the map changes
 * what it shows, never the results: "Search this area" hands its view to the address.
 */
export function SearchMap({ filters, area, listed, highlighted, onSelect, onSearchArea }: SearchMapProps) {
  const [view, setView] = useState<MapView | null>(null);
  const [moved, setMoved] = useState(false);
  const [selected, setSelected] = useState<Selected | null>(null);
  // The home whose popup is open, ahead of the render: a closing popup checks it is still the one.
  const current = useRef<Selected | null>(null);
  // The key of the last target the view was fitted to.
  const fitted = useRef<string | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  // Where the keyboard goes on when what it was on goes away: the map, which arrow keys pan.
  const focusMap = () => frame.current?.querySelector<HTMLElement>('.leaflet-container')?.focus();

  // An area the server refuses (an edited address) is said beside the results; the map shows them all.
  const fitArea = area && boundsSchema.safeParse(area).success ? area : undefined;
  const spread = useResultsSpread(filters, fitArea === undefined);
  const target: Target | null = fitArea
    ? { key: `area:${boundsParam(fitArea)}`, bounds: fitArea }
    : spread.data && listed
      ? { key: `results:${JSON.stringify(filters)}`, bounds: boxAround([...spread.data, ...listed]) }
      : null;
  // Asked once the map stops moving, not at every step of a drag.
  const settledView = useDebouncedValue(view, 250);
  const clusters = useMapClusters(filters, settledView);
  const loading = clusters.isFetching || settledView !== view;

  function searchArea(bounds: Bounds) {
    // The view already shows this area: no fitting it again when the address names it.
    fitted.current = `area:${boundsParam(bounds)}`;
    setMoved(false);
    onSearchArea(bounds);
    focusMap();
  }

  function select(home: MapHome, event: MouseEvent) {
    const next: Selected = {
      home,
      position: [home.latitude, home.longitude],
      trigger: event.target instanceof Element ? event.target.closest('button') : null,
      // A button pressed with Enter or Space clicks with no mouse clicks counted.
      byKeyboard: event.detail === 0,
    };
    current.current = next;
    setSelected(next);
    onSelect(home.id);
  }

  function closed(which: Selected) {
    // Another home was picked meanwhile: its popup replaced this one.
    if (current.current !== which) return;
    current.current = null;
    setSelected(null);
    onSelect(null);
    // Focus was in the popup (its × or Escape closed it; it fades out before it goes): back to
    // the marker that opened it, or to the map if that marker has since joined a cluster.
    const focus = document.activeElement;
    if (focus !== document.body && !focus?.closest('.leaflet-popup')) return;
    if (which.trigger?.isConnected) which.trigger.focus();
    else focusMap();
  }

  const error = clusters.error && !clusters.data && !isInputError(clusters.error) ? clusters.error : null;
  return (
    <div ref={frame} className={styles.frame}>
      {moved && view && (
        <button
          type="button"
          className={cx(buttonClass({ variant: 'primary', small: true }), styles.searchArea)}
          onClick={() => searchArea(view.bounds)}
        >
          Search this area
        </button>
      )}
      <LocationMap label="Map of the homes found" scrollWheelZoom className={styles.map}>
        <FollowView target={target} fitted={fitted} onView={setView} onMoved={setMoved} />
        {clusters.data && (
          <Markers
            clusters={clusters.data.clusters}
            homes={clusters.data.homes}
            highlighted={highlighted}
            selectedId={selected?.home.id ?? null}
            onPick={select}
          />
        )}
        {selected && (
          <Popup
            key={selected.home.id}
            position={selected.position}
            className={styles.popup}
            offset={[0, -10]}
            eventHandlers={{ remove: () => closed(selected) }}
          >
            <HomePreview home={selected.home} autoFocus={selected.byKeyboard} />
          </Popup>
        )}
      </LocationMap>
      <p className={styles.status} role="status">
        {error ? (
          <>
            Could not load the homes on the map.{' '}
            <button type="button" className={buttonClass({ small: true })} onClick={() => clusters.refetch()}>
              Retry
            </button>
          </>
        ) : (
          loading && <span className={styles.loading}>Loading homes…</span>
        )}
      </p>
    </div>
  );
}

interface FollowViewProps {
  target: Target | null;
  fitted: { current: string | null };
  onView: (view: MapView) => void;
  onMoved: (moved: boolean) => void;
}

/** Reports each view the map settles on, fits it to each new target, and tells the user's moves from its own. */
function FollowView({ target, fitted, onView, onMoved }: FollowViewProps) {
  const map = useMap();
  // The next `moveend` ends a move of ours (a fit, or a popup panned into view), not the user's.
  const automatic = useRef(false);

  // Listening before the fit below, which ends at once when it is not animated.
  useLayoutEffect(() => {
    function moveEnd() {
      onView(viewOf(map));
      if (automatic.current) automatic.current = false;
      else onMoved(true);
    }
    function autoPan() {
      automatic.current = true;
    }
    onView(viewOf(map));
    map.on('moveend', moveEnd).on('autopanstart', autoPan);
    return () => {
      map.off('moveend', moveEnd).off('autopanstart', autoPan);
    };
  }, [map, onView, onMoved]);

  useLayoutEffect(() => {
    if (!target || target.key === fitted.current) return;
    const first = fitted.current === null;
    fitted.current = target.key;
    if (!target.bounds) return;
    automatic.current = true;
    // The first view is drawn in place; later ones glide there, so the user sees where it went.
    map.fitBounds(toLatLngBounds(target.bounds), { animate: !first && !prefersReducedMotion(), padding: [32, 32], maxZoom: 15 });
    onMoved(false);
  });
  return null;
}

interface MarkersProps {
  clusters: MapCluster[];
  homes: MapHome[];
  highlighted: HighlightedHome | null;
  selectedId: string | null;
  onPick: (home: MapHome, event: MouseEvent) => void;
}

function Markers({ clusters, homes, highlighted, selectedId, onPick }: MarkersProps) {
  const map = useMap();

  // A click always zooms in at least one step, so it never seems to do nothing.
  function zoomTo(cluster: MapCluster) {
    const area = toLatLngBounds(cluster.bounds);
    const zoom = Math.max(map.getBoundsZoom(area, false, point(64, 64)), map.getZoom() + 1);
    map.setView(area.getCenter(), Math.min(zoom, map.getMaxZoom()), { animate: !prefersReducedMotion() });
  }

  return (
    <>
      {clusters.map((cluster) => (
        <MapMarker
          key={`${cluster.latitude},${cluster.longitude},${cluster.count}`}
          latitude={cluster.latitude}
          longitude={cluster.longitude}
          html={clusterButton(cluster.count)}
          active={highlighted !== null && contains(cluster.bounds, highlighted)}
          onActivate={() => zoomTo(cluster)}
        />
      ))}
      {homes.map((home) => (
        <MapMarker
          key={`${home.id},${home.price},${home.type}`}
          latitude={home.latitude}
          longitude={home.longitude}
          html={homeButton(home)}
          active={home.id === highlighted?.id || home.id === selectedId}
          onActivate={(event) => onPick(home, event)}
        />
      ))}
    </>
  );
}

interface MapMarkerProps {
  latitude: number;
  longitude: number;
  /** A `<button>`: a tab stop that Enter and Space press. Fixed for the marker's life (its key). */
  html: string;
  active: boolean;
  onActivate: (event: MouseEvent) => void;
}

function MapMarker({ latitude, longitude, html, active, onActivate }: MapMarkerProps) {
  const marker = useRef<LeafletMarker>(null);
  const position = useMemo<LatLngTuple>(() => [latitude, longitude], [latitude, longitude]);
  // A 0×0 anchor at the point: the button inside centres itself on it, whatever its width.
  const [icon] = useState(() => divIcon({ className: styles.marker, html, iconSize: [0, 0] }));
  // On the element rather than in a new icon, which would replace the button and lose its focus.
  useEffect(() => {
    marker.current?.getElement()?.toggleAttribute('data-active', active);
  }, [active]);
  return (
    <Marker
      ref={marker}
      position={position}
      icon={icon}
      // The button inside is the tab stop; Leaflet's own would be a second one around it.
      keyboard={false}
      riseOnHover
      zIndexOffset={active ? 1000 : 0}
      eventHandlers={{ click: (event) => onActivate(event.originalEvent) }}
    />
  );
}

const compactCount = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const compactDollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

function clusterButton(count: number): string {
  // 34 px for two homes, 48 for a hundred, 64 for ten thousand.
  const size = Math.round(32 + 8 * Math.log10(count));
  return `<button type="button" class="${styles.cluster}" style="--size: ${size}px" aria-label="${formatCount(count, 'home')}">${compactCount.format(count)}</button>`;
}

function homeButton(home: MapHome): string {
  const label = `${propertyLabel[home.property]} ${typeLabel[home.type].toLowerCase()}, ${formatPrice(home.price, home.type)}`;
  const price = home.type === 'rent' ? `${formatAmount(home.price)}/mo` : compactDollars.format(home.price);
  return `<button type="button" class="${cx(styles.pill, styles[home.type])}" aria-label="${label}">${price}</button>`;
}

/** A small card of the home picked, with the way to its page. */
function HomePreview({ home, autoFocus }: { home: MapHome; autoFocus: boolean }) {
  const map = useMap();
  const post = useHomePreview(home.id);
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (autoFocus) link.current?.focus({ preventScroll: true });
  }, [autoFocus]);
  // Leaflet closes a popup on Escape only while the map itself has focus.
  useEffect(() => {
    const container = link.current?.closest('.leaflet-popup');
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape' && container?.contains(document.activeElement)) map.closePopup();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [map]);
  const cover = post.data?.images[0];
  return (
    <div className={styles.preview}>
      {cover && <Photo className={styles.previewPhoto} src={cover} widths={['sm']} width={240} height={150} alt="" />}
      <p className={styles.previewPrice}>{formatPrice(home.price, home.type)}</p>
      {post.data ? (
        <>
          <h2 className={styles.previewTitle}>{post.data.title}</h2>
          <p className={styles.previewFacts}>
            {propertyLabel[post.data.property]} · {formatCount(post.data.bedroom, 'bed')} · {formatCount(post.data.bathroom, 'bath')}
          </p>
        </>
      ) : (
        <>
          <Skeleton line="full" />
          <Skeleton line="medium" />
        </>
      )}
      <Link
        ref={link}
        className={cx(buttonClass({ variant: 'primary', small: true, block: true }), styles.previewLink)}
        to={paths.post(home.id)}
      >
        View home
      </Link>
    </div>
  );
}

function viewOf(map: LeafletMap): MapView {
  return { bounds: toBounds(map.getBounds()), zoom: Math.min(22, Math.max(0, Math.round(map.getZoom()))) };
}

/**
 * The view as the API takes an area: longitudes within ±180° (west greater than east where it
 * crosses the antimeridian) and latitudes within ±90°, however far the map was panned round.
 */
function toBounds(view: LatLngBounds): Bounds {
  const latitude = (degrees: number) => Math.max(-90, Math.min(90, degrees));
  const longitude = (degrees: number) => ((((degrees + 180) % 360) + 360) % 360) - 180;
  const south = latitude(view.getSouth());
  const north = latitude(view.getNorth());
  if (view.getEast() - view.getWest() >= 360) return { south, north, west: -180, east: 180 };
  return { south, north, west: longitude(view.getWest()), east: longitude(view.getEast()) };
}

/** The smallest area with every point in it; null for none. */
function boxAround(points: Point[]): Bounds | null {
  if (points.length === 0) return null;
  const latitudes = points.map((point) => point.latitude);
  const longitudes = points.map((point) => point.longitude);
  return { north: Math.max(...latitudes), south: Math.min(...latitudes), west: Math.min(...longitudes), east: Math.max(...longitudes) };
}

function toLatLngBounds(bounds: Bounds): LatLngBounds {
  const east = bounds.east < bounds.west ? bounds.east + 360 : bounds.east;
  return latLngBounds([bounds.south, bounds.west], [bounds.north, east]);
}

function contains(bounds: Bounds, home: Point): boolean {
  const inLongitude =
    bounds.west <= bounds.east
      ? home.longitude >= bounds.west && home.longitude <= bounds.east
      : home.longitude >= bounds.west || home.longitude <= bounds.east;
  return inLongitude && home.latitude >= bounds.south && home.latitude <= bounds.north;
}
