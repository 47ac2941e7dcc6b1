import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Guards against a hang, not speed targets: machines here differ twice over in speed, and an
    // integration test spawns dozens of simulator processes.
    // A loaded machine (another suite beside this one) runs a flow several times slower.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for an event, not for a speed: its 1 s default gave up on a loaded machine.
    expect: { poll: { timeout: 15_000 } },
    // Tests share one Redis server and spawn simulator processes; two files at a time keeps a 2-core box honest.
    maxWorkers: 2,
  },
});
