import { type ReactNode, Suspense } from 'react';
import { cx } from '../../lib/class-names';
import { ErrorBoundary } from './ErrorBoundary';
import styles from './MapSlot.module.css';
import { Skeleton } from './Skeleton';

/**
 * Where a map loaded on demand goes (`lazy`, so Leaflet is fetched only by pages that show one):
 * its place while its code arrives, and a note instead if that fails, as offline, so the rest
 * of the page carries on.
 */
export function MapSlot({ className, children }: { className: string | undefined; children: ReactNode }) {
  return (
    <ErrorBoundary
      fallback={
        <div className={cx(styles.unavailable, className)}>
          <p>The map could not be loaded. Check your connection and reload the page.</p>
        </div>
      }
    >
      <Suspense fallback={<Skeleton className={className} />}>{children}</Suspense>
    </ErrorBoundary>
  );
}
