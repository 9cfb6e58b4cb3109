import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // This file lives in test/; the project root is one level up.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    // The fleet test takes minutes: `npm run test:fleet` (test/vitest.fleet.config.ts) runs it.
    exclude: [...configDefaults.exclude, 'test/fleet/**'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/contract-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits on the service (a page's fetch, a worker thread's first start): 1 s is too little on a loaded 2-core CI machine.
    expect: { poll: { timeout: 15_000 } },
  },
});
