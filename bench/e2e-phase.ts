import { join } from 'node:path';
import { createExecaCliRunner } from '../src/aliyun/cli-runner.js';
import { readSimCallLog } from '../src/sim/aliyun/call-log.js';
import { buildDemoWorld } from '../src/sim/aliyun/demo-world.js';
import { findSimExecutable, prepareSimEnv } from '../src/sim/aliyun/sim-env.js';
import type { SlackStandIn } from '../src/sim/slack/slack-standin.js';
import { callNamesService, groupWaves, toTimedCalls } from './call-waves.js';
import { spawnNode } from './child-process.js';
import { submitDeployment, waitForSummaries } from './deployment-driver.js';
import { roundMs, summarizeLatencies } from './percentiles.js';

export interface E2ePhaseOptions {
  readonly slack: SlackStandIn;
  readonly eventsUrl: string;
  readonly secret: string;
  readonly mainScript: string;
  /** The bot's environment; the worker gets the same plus its simulator settings. */
  readonly baseEnv: Record<string, string>;
  readonly dir: string;
  readonly latencyMs: number;
  readonly deployments: number;
}

export interface E2ePhaseResult {
  readonly latencyMs: number;
  readonly deployments: number;
  readonly e2eMs: number[];
  readonly e2eMedianMs: number;
  /** Wall time of one simulator call at zero latency (node start, state lock, exit), median of 10. */
  readonly cliCallCostMs: number;
  readonly waves: number;
  readonly criticalPathMs: number;
  /** Median e2e minus waves × (L + per-call cost). */
  readonly overheadMs: number;
  /** Median e2e minus 4L: the overhead counting the CLI's own process start as ours. */
  readonly overheadVs4LMs: number;
  /** The calls of the median deployment: `+ms op`, from the simulator's call log. */
  readonly callTimeline: string[];
}

/** Deploys one after another through a separate worker process with latency L per CLI call. */
export async function runE2ePhase(options: E2ePhaseOptions): Promise<E2ePhaseResult> {
  const world = { ...buildDemoWorld(), lifecycle: { creatingMs: 0, waitingMs: 0, invisibleMs: 0 } };
  const simEnv = await prepareSimEnv({ dir: options.dir, world, latencyMs: options.latencyMs });
  const cliCallCostMs = await measureCliCallCost(join(options.dir, 'cost'));
  const worker = spawnNode('worker-e2e', options.mainScript, ['worker'], {
    ...options.baseEnv,
    ...simEnv,
  });
  try {
    const runs: Array<{ name: string; submittedAt: number; e2e: number }> = [];
    for (let i = 0; i <= options.deployments; i++) {
      const name = `bench_e2e_${String(i).padStart(3, '0')}`;
      const submittedAt = Date.now();
      const ack = await submitDeployment(options.eventsUrl, options.secret, {
        name,
        region: 'cn-hangzhou',
      });
      if (ack.status !== 200) throw new Error(`submission ${name} answered ${ack.status}`);
      const found = await waitForSummaries(options.slack, [name], 30_000);
      const at = found.get(name);
      if (at === undefined) throw new Error(`no summary for ${name}: ${worker.output()}`);
      // The first deployment warms the worker (preflight, JIT); it is not measured.
      if (i > 0) runs.push({ name, submittedAt, e2e: at - submittedAt });
    }
    const e2eMs = runs.map((r) => r.e2e);
    const median = summarizeLatencies(e2eMs).p50;
    const medianRun = runs.find((r) => r.e2e === median) ?? runs[0];
    const log = toTimedCalls(await readSimCallLog(simEnv.ALIYUN_SIM_STATE ?? ''));
    const window = medianRun
      ? log.filter(
          (c) => c.at >= medianRun.submittedAt && c.at <= medianRun.submittedAt + medianRun.e2e,
        )
      : [];
    const waves = groupWaves(window, options.latencyMs).length;
    const criticalPathMs = waves * (options.latencyMs + cliCallCostMs);
    return {
      latencyMs: options.latencyMs,
      deployments: runs.length,
      e2eMs,
      e2eMedianMs: median,
      cliCallCostMs,
      waves,
      criticalPathMs,
      overheadMs: roundMs(median - criticalPathMs),
      overheadVs4LMs: roundMs(median - 4 * options.latencyMs),
      callTimeline: window.map((c) => {
        const named = medianRun && callNamesService(c, medianRun.name) ? '' : ' (gate)';
        return `+${c.at - (medianRun?.submittedAt ?? 0)}ms ${c.op}${named}`;
      }),
    };
  } finally {
    await worker.stop();
  }
}

/** Median wall time of a simulator call at zero latency, through the product's own CLI runner. */
async function measureCliCallCost(dir: string): Promise<number> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dir, { recursive: true });
  const env = { PATH: process.env.PATH ?? '', ...(await prepareSimEnv({ dir })) };
  const cli = createExecaCliRunner({ executable: findSimExecutable(), env });
  const args = ['eas', 'describe-machine-spec', '--region', 'cn-hangzhou'];
  await cli.run(args); // creates the state file; not counted
  const times: number[] = [];
  for (let i = 0; i < 10; i++) times.push((await cli.run(args)).durationMs);
  return summarizeLatencies(times).p50;
}
