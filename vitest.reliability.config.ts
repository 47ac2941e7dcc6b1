import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability` (run by .ci/run after `npm test`): worker processes SIGKILLed and
 * SIGTERMed at step boundaries, Redis restarted, Slack failing and throttling. Each file alone in
 * a fresh process; the product runs as separate Node processes, so these are minutes of CPU.
 */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 30_000 } },
    maxWorkers: 2,
    isolate: true,
  },
});
