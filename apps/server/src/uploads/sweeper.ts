import { type FileStorage, sweepUnusedUploads } from '@estate/api';
import type { PrismaClient } from '@estate/db';
import type { Logger } from '../logger.js';

const EVERY_MS = 60 * 60 * 1000;

/** Removes unused uploads soon after start, then hourly; returns the function that stops it. */
export function startUploadSweeper(prisma: PrismaClient, storage: FileStorage, logger: Logger): () => void {
  const sweep = () =>
    sweepUnusedUploads(prisma, storage, new Date(), logger).then(
      (removed) => removed > 0 && logger.info(`[uploads] removed ${removed} unused uploads`),
      (error: unknown) => logger.error({ err: error }, '[uploads] sweeping unused uploads failed'),
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
