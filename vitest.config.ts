import { defineConfig } from 'vitest/config';

// Three projects, one per environment (docs/architecture.md):
//   unit    - pure functions, real files and real local processes; no Docker, no browser
//   docker  - against the real engine and images from `npm run docker:setup`
//   browser - real Chromium (Debian's) against the built site served on localhost
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'docker',
          include: ['test/docker/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // one engine, shared names (redis-server, port 3000): files run one at a time
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/helpers/global-setup.ts'], // one Chromium for every file
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
