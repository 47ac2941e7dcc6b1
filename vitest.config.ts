import { defineConfig } from 'vitest/config';

/**
 * `npm test`: unit tests and the product end to end in one process per test worker, against real
 * Redis, the Slack stand-in and bin/aliyun-sim. Tests that kill and restart processes or Redis run
 * in `npm run test:reliability` (vitest.reliability.config.ts); Sentinel and Cluster in
 * `npm run test:scale`. `.ci/run` runs all three.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/reliability/**', 'test/scale/**'],
    // Builds dist/, checks Redis, and serves every bin/aliyun-sim call from one process.
    globalSetup: ['test/support/global-setup.ts'],
    // Guards against a hang, not speed targets: machines here differ twice over in speed, and a
    // loaded machine (another suite beside this one) runs a flow several times slower.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for an event, not for a speed: its 1 s default gave up on a loaded machine.
    expect: { poll: { timeout: 30_000 } },
    // Most of a test's time is waiting on timers the product keeps (Slack's per-channel rate,
    // expiry, retries), not CPU: more files at a time than the two cores finish the suite sooner.
    maxWorkers: 6,
    // Test files of one worker share their modules: each file would otherwise load Bolt, BullMQ and
    // zod anew. Every test keeps its own Redis prefix, stand-in and app; the redactor's memory of
    // secrets is the one state they share.
    isolate: false,
  },
});
