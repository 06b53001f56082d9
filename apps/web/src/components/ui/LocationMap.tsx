import 'leaflet/dist/leaflet.css';
import { divIcon, type LatLngExpression, type LatLngTuple, type Map as LeafletMap } from 'leaflet';
import { type ReactNode, useLayoutEffect } from 'react';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import { cx } from '../../lib/class-names';
import styles from './LocationMap.module.css';

// OpenStreetMap's tiles unless the build names another server of the same data
// (VITE_MAP_TILE_URL, a `{z}/{x}/{y}` template). Where no tile loads (offline, blocked), the
// map is a plain background that still takes clicks and shows its pins.
const tileUrl: string = import.meta.env.VITE_MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const attribution = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** Listings are priced in dollars: a map with nothing to show yet starts on the contiguous United States. */
const countryView = { center: [39.5, -98.35] as LatLngTuple, zoom: 4 };

/** A pin drawn in the page, so nothing is fetched for it (Leaflet's default icon is an image file). */
export const pinIcon = divIcon({
  className: styles.pin,
  html: '<svg viewBox="0 0 30 40" width="30" height="40" aria-hidden="true"><path d="M15 1C7.3 1 1 7.1 1 14.7 1 25 15 39 15 39s14-14 14-24.3C29 7.1 22.7 1 15 1Z"/><circle cx="15" cy="14.5" r="5.5"/></svg>',
  iconSize: [30, 40],
  iconAnchor: [15, 39],
});

/** Leaflet's handlers that pan or zoom the map (the mouse wheel's is a separate choice). */
const movingHandlers = ['dragging', 'touchZoom', 'doubleClickZoom', 'boxZoom', 'keyboard'] as const;

/** Read when a map is made: without motion, every pan and zoom jumps to where it ends. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

interface LocationMapProps {
  /** Where the map starts (the country, without one); it does not follow later changes. */
  center?: LatLngExpression;
  zoom?: number;
  /** Names the map, which takes keyboard focus (arrow keys pan it, + and - zoom). */
  label: string;
  /** The id of the text that says what the map is for. */
  describedBy?: string;
  /**
   * Whether it pans and zooms (dragging, keys, buttons); a map that does not is no tab stop
   * and lets a finger scroll the page over it. It may change at any time.
   */
  interactive?: boolean;
  /** The mouse wheel zooms: for a map that fills its part of the screen, not one in a page's flow. */
  scrollWheelZoom?: boolean;
  /** Its size, instead of the default height. */
  className?: string | undefined;
  /** Pins, and hooks on the map's events. */
  children?: ReactNode;
}

/** A Leaflet map with the site's tiles. */
export function LocationMap({
  center = countryView.center,
  zoom = countryView.zoom,
  label,
  describedBy,
  interactive = true,
  scrollWheelZoom = false,
  className,
  children,
}: LocationMapProps) {
  // react-leaflet hands no ARIA attributes to the element Leaflet makes focusable: set them there.
  function describe(map: LeafletMap | null) {
    const container = map?.getContainer();
    container?.setAttribute('role', 'region');
    container?.setAttribute('aria-label', label);
    if (describedBy) container?.setAttribute('aria-describedby', describedBy);
  }
  const motion = !prefersReducedMotion();
  const moving = Object.fromEntries(movingHandlers.map((handler) => [handler, interactive]));
  return (
    // Unless asked otherwise, scrolling the page over the map scrolls the page; zoom with the
    // buttons, a pinch or a double click.
    <MapContainer
      ref={describe}
      center={center}
      zoom={zoom}
      scrollWheelZoom={scrollWheelZoom}
      {...moving}
      zoomAnimation={motion}
      markerZoomAnimation={motion}
      fadeAnimation={motion}
      inertia={motion}
      className={cx(styles.map, className ?? styles.defaultSize)}
    >
      <TileLayer url={tileUrl} attribution={attribution} />
      <Interactivity enabled={interactive} />
      {children}
    </MapContainer>
  );
}

/**
 * Leaflet takes its options once: later changes of `interactive` switch its handlers and its
 * zoom buttons (before the map is first drawn, so they never flash).
 */
function Interactivity({ enabled }: { enabled: boolean }) {
  const map = useMap();
  useLayoutEffect(() => {
    for (const handler of movingHandlers) {
      if (enabled) map[handler].enable();
      else map[handler].disable();
    }
    const zoomShown = Boolean(map.zoomControl.getContainer()?.isConnected);
    if (enabled && !zoomShown) map.zoomControl.addTo(map);
    if (!enabled) {
      map.zoomControl.remove();
      // Leaflet's keyboard handler made the map a tab stop, and never takes that back.
      map.getContainer().removeAttribute('tabindex');
    }
  }, [map, enabled]);
  return null;
}
