import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineProject({
    test: { name: 'server', include: ['test/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] },
  }),
);
