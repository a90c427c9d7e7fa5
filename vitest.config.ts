import { defineConfig } from 'vitest/config';

// Two projects: fast core unit tests, and browser tests that drive Debian's Chromium against the built app.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/core/**/*.test.ts', 'tests/ui/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
