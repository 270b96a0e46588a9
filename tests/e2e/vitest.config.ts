import { defineConfig } from 'vitest/config';

// Browser tests: one file at a time (each drives several Chromium contexts on a 2-core machine),
// against the real server serving the built client. The global setup builds the client if stale.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/build-client.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
