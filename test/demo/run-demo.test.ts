import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REDIS_URL } from '../support/redis.js';

/** `npm run demo -- <args>` as a person runs it (the compiled demo; npm test builds first). */
function runDemo(args: string[], redisUrl: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['dist/demo/run-demo.js', ...args],
      { env: { ...process.env, REDIS_URL: redisUrl }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
    );
  });
}

describe('the npm run demo command', () => {
  it('answers a subcommand typed after -- as Slack would, on the Redis of REDIS_URL', async () => {
    const run = await runDemo(['help'], REDIS_URL);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('› /eas-deploy help\n(only visible to you)\n');
    expect(run.stdout).toContain('Values with spaces take quotes');
    expect(run.stdout).toMatch(/Cleaned up: the \d+ Redis keys under eas-demo-[0-9a-f]{8}:/);
  });

  it('says in one line when the Redis of REDIS_URL does not answer', async () => {
    const run = await runDemo([], 'redis://127.0.0.1:1');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'demo: REDIS_URL=redis://127.0.0.1:1 does not answer: start that Redis, or unset REDIS_URL.\n',
    );
  });
});
