import { defineConfig } from 'vitest/config';

/**
 * `npm run test:scale` (issue 23, run by .ci/run after `npm test`): real Redis topologies on loopback
 * ports 7100-7199 with the product's processes. One file at a time: each starts a dozen processes
 * on fixed ports, and the machine has two cores.
 */
export default defineConfig({
  test: {
    include: ['test/scale/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
