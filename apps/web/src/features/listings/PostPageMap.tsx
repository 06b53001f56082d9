import type { LatLngTuple } from 'leaflet';
import { useState } from 'react';
import { Marker } from 'react-leaflet';
import { buttonClass } from '../../components/ui/button';
import { LocationMap, pinIcon } from '../../components/ui/LocationMap';
import { cx } from '../../lib/class-names';
import styles from './PostPageMap.module.css';

interface PostPageMapProps {
  latitude: number;
  longitude: number;
  /** The listing's title, to name the map by. */
  title: string;
  /** Its size. */
  className?: string | undefined;
}

/**
 * The home's pin on a small map that stays still until asked to move: a finger scrolling the
 * page over it scrolls the page, and the keyboard does not stop on it.
 */
export function PostPageMap({ latitude, longitude, title, className }: PostPageMapProps) {
  const [exploring, setExploring] = useState(false);
  const [position] = useState<LatLngTuple>(() => [latitude, longitude]);
  return (
    <div className={styles.frame}>
      <LocationMap center={position} zoom={15} label={`Map of ${title}`} interactive={exploring} className={className}>
        <Marker position={position} icon={pinIcon} keyboard={false} interactive={false} />
      </LocationMap>
      <button
        type="button"
        className={cx(buttonClass({ small: true }), styles.explore)}
        aria-pressed={exploring}
        onClick={() => setExploring(!exploring)}
      >
        Explore the map
      </button>
    </div>
  );
}
