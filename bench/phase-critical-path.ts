import type { BenchStack } from './bench-stack.js';
import { type CallChains, weighCallChains } from './critical-path.js';
import { allSummarized, submitDeployment, waitForDeployments } from './deployment-driver.js';
import { readCliSpans } from './timed-cli.js';

export const CRITICAL_PATH_LATENCY_MS = 1500;

/** One timed deployment: submission → summary, and its CLI calls weighed. */
export interface TimedDeployment extends CallChains {
  readonly network: 'shared' | 'gateway';
  readonly e2eMs: number;
  /** Submission → the parent message posted (ack, queue, pick-up, the post). */
  readonly parentPostedMs: number;
  /** Submission → the first CLI call starts: queue, parent message, gate start-up. */
  readonly beforeFirstCallMs: number;
  /** The last CLI call's end → the summary posted. */
  readonly afterLastCallMs: number;
  /** `+start..+end op`, ms from submission. */
  readonly timeline: string[];
}

export interface CriticalPathResult {
  readonly latencyMs: number;
  readonly runs: TimedDeployment[];
  /** Σ e2e / Σ critical path, over the runs. */
  readonly criticalPathRatio: number;
  /** Σ e2e / Σ serial time of the same calls. */
  readonly seedSerialRatio: number;
}

/** Deploys one service and waits for its summary; answers submission time and e2e. */
async function deployOne(stack: BenchStack, name: string, network: 'shared' | 'gateway') {
  // A channel each: the bench's own earlier posts must not spend this one's Slack budget.
  const deployment = {
    name,
    region: 'cn-hangzhou',
    channel: `C0CP${name.toUpperCase().replace(/_/g, '')}`,
    network,
  };
  const wanted = [deployment];
  const submittedAt = Date.now();
  const ack = await submitDeployment(stack.eventsUrl, deployment);
  if (ack.status !== 200) throw new Error(`submission of ${name} answered ${ack.status}`);
  const seen = await waitForDeployments(stack.slack, wanted, allSummarized(wanted), 60_000);
  const found = seen.get(name);
  const at = found?.summaryAt;
  if (!found || at === undefined)
    throw new Error(`no summary for ${name}: ${stack.workers[0]?.output()}`);
  return { submittedAt, e2eMs: at - submittedAt, parentPostedMs: found.parentAt - submittedAt };
}

/** One deployment at no latency: the worker's first job pays for JIT and connections. */
export async function warmUp(stack: BenchStack): Promise<void> {
  await stack.cli.setLatency(0);
  await deployOne(stack, 'bench_cp_warm', 'shared');
}

/** A shared-gateway and a dedicated-gateway deployment one after another, with the CLI at 1500 ms. */
export async function runCriticalPath(stack: BenchStack): Promise<CriticalPathResult> {
  await stack.cli.setLatency(CRITICAL_PATH_LATENCY_MS);
  const runs: TimedDeployment[] = [];
  for (const network of ['shared', 'gateway'] as const) {
    const { submittedAt, e2eMs, parentPostedMs } = await deployOne(
      stack,
      `bench_cp_${network}`,
      network,
    );
    const spans = (await readCliSpans(stack.cli.timesPath)).filter(
      (s) => s.tag.startsWith('d-') && s.start >= submittedAt && s.end <= submittedAt + e2eMs,
    );
    const rel = (t: number) => Math.round(t - submittedAt);
    runs.push({
      network,
      e2eMs,
      parentPostedMs,
      ...weighCallChains(spans),
      beforeFirstCallMs: rel(Math.min(...spans.map((x) => x.start))),
      afterLastCallMs: Math.round(e2eMs - rel(Math.max(...spans.map((x) => x.end)))),
      timeline: spans.map((s) => `+${rel(s.start)}..+${rel(s.end)} ${s.op}`),
    });
  }
  const sum = (f: (r: TimedDeployment) => number) => runs.reduce((t, r) => t + f(r), 0);
  return {
    latencyMs: CRITICAL_PATH_LATENCY_MS,
    runs,
    criticalPathRatio: sum((r) => r.e2eMs) / sum((r) => r.criticalPathMs),
    seedSerialRatio: sum((r) => r.e2eMs) / sum((r) => r.serialMs),
  };
}
