import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { precompress } from './build/precompress.js';
import { routePreload } from './build/route-preload.js';

// In dev and preview the API runs as a separate server (on PORT, as `pnpm dev` starts it, or
// ESTATE_API_PORT); proxying keeps every request same-origin, as it is in production where
// that server also serves this build.
const api: ProxyOptions = { target: `http://127.0.0.1:${process.env.ESTATE_API_PORT ?? process.env.PORT ?? 3000}` };
const proxy = { '/trpc': api, '/api': api, '/uploads': api, '/images': api };

// The pages people arrive on, by address (as src/lib/paths.ts routes them): their code is
// preloaded with the entry instead of after it.
const landingPages = {
  '^/$': 'src/features/search/HomePage.tsx',
  '^/search$': 'src/features/search/SearchPage.tsx',
  '^/posts/[^/]+$': 'src/features/listings/PostPage.tsx',
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), routePreload(landingPages), precompress()],
  server: { proxy },
  preview: { proxy },
  build: { outDir: 'dist', emptyOutDir: true },
});
