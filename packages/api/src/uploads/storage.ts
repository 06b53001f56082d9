import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files live. Keys look like `<upload id>/<size>.webp`. The local disk is
 * the default; an S3-compatible store implements the same three calls (PutObject,
 * GetObject streamed, DeleteObjects) and is passed to the server instead: procedures and
 * the HTTP layer only ever use this interface.
 */
export interface FileStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The file, or null when there is none. */
  get(key: string): Promise<{ body: Readable; size: number } | null>;
  /** Deletes these files; keys that do not exist are ignored. */
  delete(keys: readonly string[]): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}\/[a-z]{2}\.webp$/;

function checkKey(key: string): string {
  // Keys are built by the server, never taken from a request as they are; this is the last guard against "../".
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${key}`);
  return key;
}

/** Files under `root`, one directory per upload. Writes go to a temporary name first, so a reader never sees half a file. */
export function diskStorage(root: string): FileStorage {
  const fileOf = (key: string) => path.join(root, checkKey(key));
  return {
    async put(key, body) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, body);
      await rename(partial, file);
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const { size } = await stat(file);
        return { body: createReadStream(file), size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(keys) {
      const dirs = new Set<string>();
      for (const key of keys) {
        await rm(fileOf(key), { force: true });
        dirs.add(path.dirname(fileOf(key)));
      }
      // An upload's directory goes with its last file (rmdir refuses a directory that still has some).
      for (const dir of dirs) await rmdir(dir).catch(() => {});
    },
  };
}
