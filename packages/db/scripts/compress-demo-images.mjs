// Compressed copies beside each demo picture (about a sixth of the size), written by the build;
// the server falls back to the plain files where these are missing.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { precompressFiles } from '../../../scripts/precompress.mjs';

const dir = fileURLToPath(new URL('../demo-images/', import.meta.url));
await precompressFiles((await readdir(dir)).filter((name) => name.endsWith('.svg')).map((name) => dir + name));
