import { useState } from 'react';
import { NoPhoto } from '../../components/ui/NoPhoto';
import { Photo } from '../../components/ui/Photo';
import { cx } from '../../lib/class-names';
import styles from './Gallery.module.css';

/** One large image; thumbnails switch which. Give it a `key` per listing to start at the cover. */
export function Gallery({ images, title }: { images: string[]; title: string }) {
  const [selected, setSelected] = useState(0);
  const current = images[selected] ?? images[0];
  if (!current) {
    return (
      <div className={cx(styles.gallery, styles.empty)}>
        <NoPhoto />
      </div>
    );
  }
  return (
    <div className={styles.gallery}>
      <Photo
        className={styles.main}
        src={current}
        widths={['md', 'lg']}
        // The page's width, inside the container's 20 px paddings and up to its 1200 px.
        sizes="(max-width: 1200px) calc(100vw - 40px), 1160px"
        width={1200}
        height={800}
        fetchPriority="high"
        alt={`${title}, view ${selected + 1} of ${images.length}`}
      />
      {images.length > 1 && (
        <ul className={styles.thumbs} aria-label="All views">
          {images.map((src, index) => (
            <li key={src}>
              <button
                type="button"
                className={styles.thumb}
                aria-label={`Show view ${index + 1} of ${images.length}`}
                aria-pressed={index === selected}
                onClick={() => setSelected(index)}
              >
                {/* Decorative: the button's label says what it shows. */}
                <Photo src={src} widths={['sm']} alt="" loading="lazy" width={120} height={80} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
