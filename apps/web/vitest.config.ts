import { defineProject } from 'vitest/config';

// Browser journeys through the built app (`pnpm build` first): the production server,
// serving apps/web/dist, driven in Chromium.
export default defineProject({
  test: {
    name: 'web',
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A page (or Chrome's console) can take seconds to catch up on a busy 2-core machine.
    expect: { poll: { timeout: 15_000 } },
  },
});
