import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: a real server (demo data, fresh database) and headless Chromium.
 * Run from the repository root:  npm run test:browser
 * (builds apps/web first, then: npx vitest run --config apps/web/e2e/vitest.config.ts)
 */
export default defineConfig({
  test: {
    name: 'web-e2e',
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.spec.ts'],
    // Seeding the demo city and a cold Chromium take a while on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
  },
});
