import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diskStorage, type FileStorage } from '@estate/api';

/** A stand-in for the built web app: an index page, a hashed asset and a large file. */
export function webFixture(bigFileBytes = 0): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'estate-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Estate</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log("app")');
  if (bigFileBytes > 0) writeFileSync(path.join(dir, 'assets', 'big.bin'), Buffer.alloc(bigFileBytes, 7));
  return dir;
}

/** Upload storage in a new temporary directory. */
export function tempStorage(): FileStorage & { dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'estate-uploads-'));
  return Object.assign(diskStorage(dir), { dir });
}
