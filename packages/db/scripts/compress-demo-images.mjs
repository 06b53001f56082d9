// Writes `<name>.svg.br` and `<name>.svg.gz` beside each demo picture, so the server sends them
// compressed (about a sixth of the size) without compressing on every request. Run by the
// build; the server falls back to the plain files where these are missing.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = new URL('../demo-images/', import.meta.url);
const names = (await readdir(dir)).filter((name) => name.endsWith('.svg'));
await Promise.all(
  names.map(async (name) => {
    const svg = await readFile(new URL(name, dir));
    const br = brotliCompressSync(svg, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } });
    await writeFile(new URL(`${name}.br`, dir), br);
    await writeFile(new URL(`${name}.gz`, dir), gzipSync(svg, { level: constants.Z_BEST_COMPRESSION }));
  }),
);
