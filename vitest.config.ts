import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    // Guards against a hang, not speed targets: machines here differ twice over in speed, and an
    // integration test spawns dozens of simulator processes.
    // A loaded machine (another suite beside this one) runs a flow several times slower.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for an event, not for a speed: its 1 s default gave up on a loaded machine.
    expect: { poll: { timeout: 30_000 } },
    // Tests share one Redis server and spawn simulator processes; two files at a time keeps a 2-core box honest.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'in-process',
          include: ['test/**/*.test.ts'],
          // The Sentinel and Cluster runs take minutes: `npm run test:scale` runs them (.ci/run does).
          exclude: ['test/reliability/**', 'test/scale/**'],
          // Test files of one worker share their modules: each file would otherwise load Bolt,
          // BullMQ and zod anew (about half of the suite's time). Every test keeps its own Redis
          // prefix, stand-in and app; the redactor's memory of secrets is the one state they share.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: ['test/reliability/**/*.test.ts'],
          // Worker processes killed and restarted on timing: each file alone in a fresh process.
          isolate: true,
        },
      },
    ],
  },
});
