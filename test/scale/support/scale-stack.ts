import { join } from 'node:path';
import {
  type BenchChild,
  findFreePort,
  spawnNode,
  waitForPort,
} from '../../../bench/child-process.js';
import { localProcessEnv } from '../../../demo/local-stack.js';
import { buildInstantWorld } from '../../../sim/aliyun/demo-world.js';
import { prepareSimEnv } from '../../../sim/aliyun/sim-env.js';
import { type SlackStandIn, startSlackStandIn } from '../../../sim/slack/slack-standin.js';

const MAIN = join(process.cwd(), 'dist', 'src', 'main.js');

/** Two bot processes and two worker processes of the product on one Redis, with the stand-ins. */
export interface ScaleStack {
  readonly slack: SlackStandIn;
  /** Each bot's `POST /slack/events` (a load balancer would spread requests over them). */
  readonly botUrls: readonly string[];
  /** The simulator's state file; its call log lies beside it. */
  readonly statePath: string;
  /** Everything every process printed so far, labelled by process. */
  output(): string;
  /** Processes that exited while they should be running (a crash), with their output. */
  crashed(): string[];
  stop(): Promise<void>;
}

export interface ScaleStackOptions {
  readonly redisUrl: string;
  readonly prefix: string;
  readonly dir: string;
  readonly bots?: number;
  readonly workers?: number;
}

/** Starts the Slack stand-in, the simulator's world, then the bots and workers as separate processes. */
export async function startScaleStack(options: ScaleStackOptions): Promise<ScaleStack> {
  const world = buildInstantWorld();
  const simEnv = await prepareSimEnv({ dir: options.dir, world });
  const slack = await startSlackStandIn();
  const env: Record<string, string> = {
    HOME: process.env.HOME ?? '/tmp',
    ...localProcessEnv({ slackApiUrl: slack.apiUrl, ...options }),
    LOG_LEVEL: 'info',
    ...simEnv,
  };
  const children: BenchChild[] = [];
  const stopped = new Set<BenchChild>();
  const botUrls: string[] = [];
  for (let i = 0; i < (options.workers ?? 2); i += 1) {
    children.push(spawnNode(`worker-${i}`, MAIN, ['worker'], env));
  }
  for (let i = 0; i < (options.bots ?? 2); i += 1) {
    const port = await findFreePort();
    children.push(spawnNode(`bot-${i}`, MAIN, ['bot'], { ...env, PORT: String(port) }));
    await waitForPort(port, 60_000);
    botUrls.push(`http://127.0.0.1:${port}/slack/events`);
  }
  const exitedEarly = new Set<BenchChild>();
  for (const child of children) {
    void child.exited.then(() => {
      if (!stopped.has(child)) exitedEarly.add(child);
    });
  }
  return {
    slack,
    botUrls,
    statePath: simEnv.ALIYUN_SIM_STATE ?? '',
    output: () => children.map((c) => `--- ${c.name}\n${c.output()}`).join('\n'),
    crashed: () => [...exitedEarly].map((c) => `${c.name}: ${c.output().slice(-2_000)}`),
    async stop() {
      for (const child of children) stopped.add(child);
      await Promise.all(children.map((c) => c.stop(30_000)));
      await slack.close();
    },
  };
}
