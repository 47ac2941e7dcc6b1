import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildDemoWorld } from '../../sim/aliyun/demo-world.js';
import { findSimExecutable, prepareSimEnv } from '../../sim/aliyun/sim-env.js';
import { startSlackStandIn } from '../../sim/slack/slack-standin.js';
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from '../support/redis.js';

const prefix = uniquePrefix('preflight');
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean();
});

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('the CLI preflight of `npm start` (bot and worker in one process)', () => {
  it('says on /healthz and in the log which plugin does not run and the command that installs it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'preflight-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const plugins = [
      { name: 'aliyun-cli-eas', version: '0.2.0', binaryMissing: true },
      { name: 'aliyun-cli-aiworkspace', version: '0.1.3' },
    ];
    const simEnv = await prepareSimEnv({ dir, world: { ...buildDemoWorld(), plugins } });
    const slack = await startSlackStandIn();
    cleanups.push(() => slack.close());
    const redis = connectRedis();
    cleanups.push(async () => {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    });
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, ['dist/src/main.js', 'all'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SLACK_BOT_TOKEN: 'xoxb-1-2-preflight',
        SLACK_SIGNING_SECRET: 'preflight-secret',
        SLACK_API_URL: slack.apiUrl,
        REDIS_URL,
        QUEUE_PREFIX: prefix,
        PORT: String(port),
        ALIYUN_CLI: findSimExecutable(),
        ...simEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const install = 'aliyun plugin install --names aliyun-cli-eas';
    const body = await vi.waitFor(
      async () => {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        const text = await response.text();
        expect(response.status).toBe(503);
        expect(text).toContain(install);
        return text;
      },
      // A hang guard: the product's process starts in a few seconds, a minute or more beside
      // another suite.
      { timeout: 150_000, interval: 250 },
    );
    expect(body).toContain('The CLI plugin aliyun-cli-eas does not run');
    expect(body).not.toContain('aliyun-cli-aiworkspace');
    expect(log).toContain(install);
  }, 180_000);
});
