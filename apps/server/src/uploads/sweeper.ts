import { type FileStorage, sweepUnusedUploads } from '@estate/api';
import type { PrismaClient } from '@estate/db';

const EVERY_MS = 60 * 60 * 1000;

/** Removes unused uploads soon after start, then hourly; returns the function that stops it. */
export function startUploadSweeper(prisma: PrismaClient, storage: FileStorage): () => void {
  const sweep = () =>
    sweepUnusedUploads(prisma, storage).then(
      (removed) => removed > 0 && console.log(`[uploads] removed ${removed} unused uploads`),
      (error: unknown) => console.error('[uploads] sweeping unused uploads failed:', error),
    );
  const first = setTimeout(sweep, 10_000);
  const timer = setInterval(sweep, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
