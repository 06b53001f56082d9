import { type LatLng, type LatLngTuple, type Marker as LeafletMarker, latLng } from 'leaflet';
import { useEffect, useState } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import { LocationMap, pinIcon } from '../../../components/ui/LocationMap';

// Listings are priced in dollars: with no location yet, the map starts on the contiguous United States.
const countryView = { center: [39.5, -98.35] as LatLngTuple, zoom: 4 };
const pinnedZoom = 15;

interface LocationPickerProps {
  /** Where the pin is; null while the coordinates are missing or out of range. */
  position: LatLngTuple | null;
  /** A click on the map, or the pin dragged there. */
  onPick: (position: LatLng) => void;
  /** The id of the text that says how to use the map. */
  hintId: string;
}

/** A map to set the listing's location on; the latitude and longitude fields are the keyboard's way. */
export function LocationPicker({ position, onPick, hintId }: LocationPickerProps) {
  const [start] = useState(() => (position ? { center: position, zoom: pinnedZoom } : countryView));
  return (
    <LocationMap center={start.center} zoom={start.zoom} label="Map of the listing's location" describedBy={hintId}>
      <PickOnClick onPick={onPick} />
      {position && (
        <>
          <Marker
            position={position}
            icon={pinIcon}
            draggable
            // Not a tab stop: Enter on it would do nothing; the coordinate fields move it.
            keyboard={false}
            title="The listing's location"
            eventHandlers={{ dragend: (event) => onPick((event.target as LeafletMarker).getLatLng()) }}
          />
          <KeepInView latitude={position[0]} longitude={position[1]} />
        </>
      )}
    </LocationMap>
  );
}

function PickOnClick({ onPick }: { onPick: (position: LatLng) => void }) {
  useMapEvents({ click: (event) => onPick(event.latlng) });
  return null;
}

/** Typed coordinates outside the view bring the map to the pin. */
function KeepInView({ latitude, longitude }: { latitude: number; longitude: number }) {
  const map = useMap();
  useEffect(() => {
    const position = latLng(latitude, longitude);
    if (!map.getBounds().contains(position)) map.panTo(position);
  }, [map, latitude, longitude]);
  return null;
}
