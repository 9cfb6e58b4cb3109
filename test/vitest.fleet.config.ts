/**
 * The fleet tests (test/fleet/): the built service as many processes on PostgreSQL, minutes each
 * on a 2-core machine, so apart from `npm test`. `npm run test:fleet`; .ci/run runs it after npm test.
 */
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/fleet/**/*.test.ts'],
    exclude: [...configDefaults.exclude],
    // One at a time: each starts a fleet of its own.
    maxWorkers: 1,
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
