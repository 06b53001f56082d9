import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diskStorage, type FileStorage } from '@estate/api';
import type { Db } from '@estate/db';
import { createTestDb, type TestDbKind } from '@estate/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';

/** A stand-in for the built web app: an index page, a hashed asset and a large file. */
export function webFixture(bigFileBytes = 0): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'estate-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Estate</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log("app")');
  if (bigFileBytes > 0) writeFileSync(path.join(dir, 'assets', 'big.bin'), Buffer.alloc(bigFileBytes, 7));
  return dir;
}

/** A one-bedroom rental in Boise by `userId`, written straight to the database. */
export function boiseRental(prisma: Db['prisma'], userId: string, listing: { title: string; price: number }) {
  return prisma.post.create({
    data: {
      ...listing,
      images: [],
      address: '5 River Rd',
      city: 'Boise',
      cityKey: 'boise',
      bedroom: 1,
      bathroom: 1,
      latitude: 43.6,
      longitude: -116.2,
      type: 'rent',
      property: 'apartment',
      userId,
    },
  });
}

/** Upload storage in a new temporary directory. */
export function tempStorage(): FileStorage & { dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'estate-uploads-'));
  return Object.assign(diskStorage(dir), { dir });
}

/** The server's configuration for tests of the API alone. */
export const apiOnlyConfig = { webDistDir: null, trustProxy: 0, logRequests: false, trustedOrigins: [] };

/** The server in this process on a new test database of `kind`, for the enclosing describe block. */
export function apiServerOn(kind: TestDbKind) {
  const state: { db?: Db; server?: RunningServer } = {};
  beforeAll(async () => {
    state.db = await createTestDb(kind);
    state.server = await startServer({
      prisma: state.db.prisma,
      storage: tempStorage(),
      config: apiOnlyConfig,
      port: 0,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await state.server?.close(1000);
    await state.db?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('not started yet');
    return value;
  };
  return {
    get url() {
      return started(state.server).url;
    },
    get db() {
      return started(state.db);
    },
  };
}
