import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { precompressFiles } from '../../../scripts/precompress.mjs';

/** Text formats worth compressing; images and fonts are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Compressed copies beside each compressible file of the build (scripts/precompress.mjs). */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'estate:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      await precompressFiles((await filesUnder(outDir)).filter((file) => compressible.test(file)));
    },
  };
}
