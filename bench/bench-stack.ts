import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { localProcessEnv } from '../demo/local-stack.js';
import { buildInstantWorld } from '../sim/aliyun/demo-world.js';
import { findSimExecutable, prepareSimEnv } from '../sim/aliyun/sim-env.js';
import { type SlackStandIn, startSlackStandIn } from '../sim/slack/slack-standin.js';
import type { SlackRules } from '../sim/slack/standin-options.js';
import { keysUnderPrefix } from '../src/queue/keys-under-prefix.js';
import { type BenchChild, findFreePort, spawnNode, waitForPort } from './child-process.js';
import { type TimedCli, writeTimedCli } from './timed-cli.js';

/** The product's entry point, built by `tsc -b`. */
export const MAIN = join(process.cwd(), 'dist', 'src', 'main.js');

export interface BenchStackOptions {
  readonly name: string;
  readonly root: string;
  readonly redisUrl: string;
  readonly workers: number;
  readonly latencyMs?: number;
  /** The stand-in's rules; omitted = Slack's (rate limits on). */
  readonly rules?: SlackRules;
  /** Extra environment for the bot and the workers. */
  readonly env?: Record<string, string>;
}

/** One isolated product: its stand-in, simulator account, key prefix, bot process and worker processes. */
export interface BenchStack {
  readonly slack: SlackStandIn;
  readonly eventsUrl: string;
  readonly prefix: string;
  readonly statePath: string;
  readonly cli: TimedCli;
  readonly bot: BenchChild;
  readonly workers: BenchChild[];
  stop(): Promise<void>;
}

/** Starts a stack; resolves once the bot listens (workers warm up on their own). */
export async function startBenchStack(options: BenchStackOptions): Promise<BenchStack> {
  const dir = await mkdtemp(join(options.root, `${options.name}-`));
  const world = buildInstantWorld();
  const simEnv = await prepareSimEnv({ dir, world });
  const cli = await writeTimedCli(dir, findSimExecutable(), options.latencyMs ?? 0);
  const slack = await startSlackStandIn(options.rules ? { rules: options.rules } : {});
  const prefix = `bench-${options.name}-${process.pid}-${Date.now().toString(36)}`;
  const env: Record<string, string> = {
    HOME: process.env.HOME ?? '/tmp',
    ...localProcessEnv({ slackApiUrl: slack.apiUrl, redisUrl: options.redisUrl, prefix }),
    LOG_LEVEL: 'warn',
    ...simEnv,
    ...cli.env,
    ...options.env,
  };
  const workers = Array.from({ length: options.workers }, (_, i) =>
    spawnNode(`${options.name}-worker-${i}`, MAIN, ['worker'], env),
  );
  const port = await findFreePort();
  const bot = spawnNode(`${options.name}-bot`, MAIN, ['bot'], { ...env, PORT: String(port) });
  await waitForPort(port, 60_000);
  return {
    slack,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    prefix,
    statePath: simEnv.ALIYUN_SIM_STATE ?? '',
    cli,
    bot,
    workers,
    async stop() {
      // Nothing of a benchmark's state outlives it: no graceful shutdown to wait for.
      await Promise.all([bot, ...workers].map((c) => c.kill()));
      await slack.close();
      const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
      for await (const keys of keysUnderPrefix(redis, prefix)) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
