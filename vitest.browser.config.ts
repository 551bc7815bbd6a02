import { defineConfig } from 'vitest/config';

// Browser tests drive the built site (dist/) in headless Chromium via
// playwright-core. One file at a time: each file launches its own Chromium,
// and two of those on a 2-core machine make timings flaky rather than faster.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/global-setup.ts'],
    fileParallelism: false,
    // Generous because a cold Chromium start plus sql.js wasm compile can be slow on CI.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
