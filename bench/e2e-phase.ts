import { buildDemoWorld } from '../sim/aliyun/demo-world.js';
import { findSimExecutable, prepareSimEnv } from '../sim/aliyun/sim-env.js';
import type { SlackStandIn } from '../sim/slack/slack-standin.js';
import { groupWaves } from './call-waves.js';
import { spawnNode } from './child-process.js';
import { submitDeployment, waitForSummaries } from './deployment-driver.js';
import { measureUnion, roundMs, summarizeLatencies } from './percentiles.js';
import { readCliSpans, writeTimedCli } from './timed-cli.js';

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
  /** Per run: time at least one CLI call was in flight (wrapper-measured spans, process start included). */
  readonly cliBusyMs: number[];
  readonly cliBusyMedianMs: number;
  /** Sequential waves of CLI calls (calls started within L/2 of each other are one wave). */
  readonly waves: number;
  /** Median over runs of e2e minus the CLI busy time: what the orchestration itself adds. */
  readonly overheadMs: number;
  /** Median e2e minus 4L: the overhead counting the CLI's own process start as ours. */
  readonly overheadVs4LMs: number;
  /** The calls of the median run: `+start..+end op` in ms from submission. */
  readonly callTimeline: string[];
}

/** Deploys one after another through a separate worker process with latency L per CLI call. */
export async function runE2ePhase(options: E2ePhaseOptions): Promise<E2ePhaseResult> {
  const world = { ...buildDemoWorld(), lifecycle: { creatingMs: 0, waitingMs: 0, invisibleMs: 0 } };
  const simEnv = await prepareSimEnv({ dir: options.dir, world, latencyMs: options.latencyMs });
  const timed = await writeTimedCli(options.dir, findSimExecutable());
  const worker = spawnNode('worker-e2e', options.mainScript, ['worker'], {
    ...options.baseEnv,
    ...simEnv,
    ...timed.env,
  });
  try {
    const runs: Array<{ submittedAt: number; e2e: number }> = [];
    for (let i = 0; i <= options.deployments; i++) {
      const name = `bench_e2e_${String(i).padStart(3, '0')}`;
      const submittedAt = Date.now();
      const ack = await submitDeployment(options.eventsUrl, options.secret, {
        name,
        region: 'cn-hangzhou',
      });
      if (ack.status !== 200) throw new Error(`submission ${name} answered ${ack.status}`);
      const found = await waitForSummaries(options.slack, [name], 30_000);
      const at = found.get(name)?.time;
      if (at === undefined) throw new Error(`no summary for ${name}: ${worker.output()}`);
      // The first deployment warms the worker (preflight, JIT); it is not measured.
      if (i > 0) runs.push({ submittedAt, e2e: at - submittedAt });
    }
    const spans = await readCliSpans(timed.timesPath);
    const measured = runs.map((r) => {
      const mine = spans.filter((s) => s.start >= r.submittedAt && s.end <= r.submittedAt + r.e2e);
      return { ...r, spans: mine, busy: measureUnion(mine) };
    });
    const median = (xs: number[]) => summarizeLatencies(xs).p50;
    const e2eMedianMs = median(runs.map((r) => r.e2e));
    const medianRun = measured.find((r) => r.e2e === e2eMedianMs) ?? measured[0];
    const waves = medianRun
      ? groupWaves(
          medianRun.spans.map((s) => ({ at: s.start, op: s.op, argv: [] })),
          options.latencyMs,
        ).length
      : 0;
    const rel = (t: number) => Math.round(t - (medianRun?.submittedAt ?? 0));
    return {
      latencyMs: options.latencyMs,
      deployments: runs.length,
      e2eMs: runs.map((r) => r.e2e),
      e2eMedianMs,
      cliBusyMs: measured.map((r) => roundMs(r.busy)),
      cliBusyMedianMs: roundMs(median(measured.map((r) => r.busy))),
      waves,
      overheadMs: roundMs(median(measured.map((r) => r.e2e - r.busy))),
      overheadVs4LMs: roundMs(e2eMedianMs - 4 * options.latencyMs),
      callTimeline: (medianRun?.spans ?? []).map((s) => `+${rel(s.start)}..+${rel(s.end)} ${s.op}`),
    };
  } finally {
    await worker.stop();
  }
}
