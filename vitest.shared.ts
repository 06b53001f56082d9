import type { ViteUserConfig } from 'vitest/config';

// Settings every package's tests share. Workspace packages resolve to their TypeScript
// source (the "@estate/source" export condition), so tests never need a build of them.
// The rest is Vite's default server condition list, which a custom list replaces.
const conditions = ['@estate/source', 'module', 'node', 'development|production'];

export const sharedConfig = {
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@estate/source'] } },
  test: {
    // Real databases: opening a PGlite takes about a second, a migration run several.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
} satisfies ViteUserConfig;
