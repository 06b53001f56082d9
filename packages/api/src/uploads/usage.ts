import { consoleLogger, demoImageFiles, type Logger, type Prisma, type PrismaClient } from '@estate/db';
import { fieldError } from '../auth/errors.js';
import { demoImagePattern, UPLOAD_SIZES, uploadIdOf } from '../schemas/images.js';
import type { FileStorage } from './storage.js';

// Which uploads are in use. A listing or an avatar may use the bundled demo pictures and
// the user's own uploads only; an upload nothing uses is deleted, rows first (in the
// transaction that stopped using it), files after the commit.

type Tx = Prisma.TransactionClient | PrismaClient;

const demoFiles = new Set(demoImageFiles());

/** Every stored file of these uploads. */
export function uploadKeys(ids: readonly string[]): string[] {
  return ids.flatMap((id) => Object.keys(UPLOAD_SIZES).map((size) => `${id}/${size}.webp`));
}

/** The upload ids among these image URLs. */
export function uploadIds(urls: readonly string[]): string[] {
  return urls.map(uploadIdOf).filter((id): id is string => id !== null);
}

/** BAD_REQUEST on `field`: a photo is not an upload of the user's (or is gone). */
export const notYourPhotos = (field: string) =>
  fieldError('BAD_REQUEST', field, 'Use photos you uploaded yourself (a photo may have been removed: upload it again).');

/** Fails with BAD_REQUEST on `field` if a URL names a demo picture that does not exist. */
export function assertDemoImagesExist(urls: readonly string[], field: string): void {
  for (const url of urls) {
    const demo = demoImagePattern.exec(url)?.[1];
    if (demo !== undefined && !demoFiles.has(demo)) throw fieldError('BAD_REQUEST', field, 'This demo picture does not exist.');
  }
}

/**
 * Fails with BAD_REQUEST on `field` unless every URL is a demo picture or an upload of
 * `userId`. Inside a transaction, the uploads are locked until it ends, so a concurrent
 * release cannot delete them under a listing being saved.
 */
export async function assertUsableImages(tx: Tx, userId: string, urls: readonly string[], field: string): Promise<void> {
  assertDemoImagesExist(urls, field);
  const ids = [...new Set(uploadIds(urls))];
  if (ids.length === 0) return;
  const owned = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id"::text FROM "Upload" WHERE "id" = ANY(${ids}::uuid[]) AND "userId" = ${userId}::uuid FOR SHARE`;
  if (owned.length !== ids.length) throw notYourPhotos(field);
}

/**
 * Deletes the rows of those uploads that no listing and no avatar uses any more, and
 * returns their ids, whose files the caller deletes once the transaction has committed.
 * The rows are locked first; the usage check then runs as a new statement, so it sees
 * every listing committed by a transaction that held them.
 */
export async function releaseUnused(tx: Tx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id"::text FROM "Upload" WHERE "id" = ANY(${[...ids]}::uuid[]) ORDER BY "id" FOR UPDATE`;
  if (locked.length === 0) return [];
  const deleted = await tx.$queryRaw<Array<{ id: string }>>`
    DELETE FROM "Upload" u
    WHERE u."id" = ANY(${locked.map((row) => row.id)}::uuid[])
      AND NOT EXISTS (SELECT 1 FROM "Post" p WHERE p."images" @> ARRAY['/uploads/' || u."id" || '/lg.webp'])
      AND NOT EXISTS (SELECT 1 FROM "User" x WHERE x."avatar" = '/uploads/' || u."id" || '/lg.webp')
    RETURNING u."id"::text`;
  return deleted.map((row) => row.id);
}

/** Deletes files of released uploads; a failure leaves files behind but never fails the caller's request. */
export async function deleteFiles(storage: FileStorage, ids: readonly string[], log: Logger): Promise<void> {
  if (ids.length === 0) return;
  await storage.delete(uploadKeys(ids)).catch((error: unknown) => {
    log.error({ err: error }, `[uploads] could not delete the files of ${ids.join(', ')}`);
  });
}

export const UNUSED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Removes uploads that are more than a day old and used by no listing or avatar, a batch
 * at a time (uploads being saved into a listing right now are locked, and skipped).
 * Returns how many were removed.
 */
export async function sweepUnusedUploads(
  prisma: PrismaClient,
  storage: FileStorage,
  now: Date = new Date(),
  log: Logger = consoleLogger,
): Promise<number> {
  const cutoff = new Date(now.getTime() - UNUSED_UPLOAD_TTL_MS);
  let removed = 0;
  for (;;) {
    const ids = await prisma.$transaction(async (tx) => {
      const candidates = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT u."id"::text FROM "Upload" u
        WHERE u."createdAt" < ${cutoff}
          AND NOT EXISTS (SELECT 1 FROM "Post" p WHERE p."images" @> ARRAY['/uploads/' || u."id" || '/lg.webp'])
          AND NOT EXISTS (SELECT 1 FROM "User" x WHERE x."avatar" = '/uploads/' || u."id" || '/lg.webp')
        ORDER BY u."createdAt" LIMIT 200 FOR UPDATE SKIP LOCKED`;
      return releaseUnused(
        tx,
        candidates.map((row) => row.id),
      );
    });
    await deleteFiles(storage, ids, log);
    removed += ids.length;
    if (ids.length < 200) return removed;
  }
}
