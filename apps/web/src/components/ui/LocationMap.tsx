import 'leaflet/dist/leaflet.css';
import { divIcon, type LatLngExpression, type Map as LeafletMap } from 'leaflet';
import type { ReactNode } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import styles from './LocationMap.module.css';

// OpenStreetMap's tiles unless the build names another server of the same data
// (VITE_MAP_TILE_URL, a `{z}/{x}/{y}` template). Where no tile loads (offline, blocked), the
// map is a plain background that still takes clicks and shows its pins.
const tileUrl: string = import.meta.env.VITE_MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const attribution = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** A pin drawn in the page, so nothing is fetched for it (Leaflet's default icon is an image file). */
export const pinIcon = divIcon({
  className: styles.pin,
  html: '<svg viewBox="0 0 30 40" width="30" height="40" aria-hidden="true"><path d="M15 1C7.3 1 1 7.1 1 14.7 1 25 15 39 15 39s14-14 14-24.3C29 7.1 22.7 1 15 1Z"/><circle cx="15" cy="14.5" r="5.5"/></svg>',
  iconSize: [30, 40],
  iconAnchor: [15, 39],
});

interface LocationMapProps {
  center: LatLngExpression;
  zoom: number;
  /** Names the map, which takes keyboard focus (arrow keys pan it, + and - zoom). */
  label: string;
  /** The id of the text that says what the map is for. */
  describedBy?: string;
  /** Pins, and hooks on the map's events. */
  children?: ReactNode;
}

/** A Leaflet map with the site's tiles; `center` and `zoom` are only where it starts. */
export function LocationMap({ center, zoom, label, describedBy, children }: LocationMapProps) {
  // react-leaflet hands no ARIA attributes to the element Leaflet makes focusable: set them there.
  function describe(map: LeafletMap | null) {
    const container = map?.getContainer();
    container?.setAttribute('role', 'region');
    container?.setAttribute('aria-label', label);
    if (describedBy) container?.setAttribute('aria-describedby', describedBy);
  }
  return (
    // Scrolling the page over the map scrolls the page; zoom with the buttons, a pinch or a double click.
    <MapContainer ref={describe} center={center} zoom={zoom} scrollWheelZoom={false} className={styles.map}>
      <TileLayer url={tileUrl} attribution={attribution} />
      {children}
    </MapContainer>
  );
}
