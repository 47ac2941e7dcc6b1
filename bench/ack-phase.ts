import type { SlackStandIn } from '../src/sim/slack/slack-standin.js';
import { spawnNode } from './child-process.js';
import { LoadGenReport } from './load-gen.js';
import { type LatencySummary, summarizeLatencies } from './percentiles.js';

export interface AckPhaseOptions {
  readonly loadGenScript: string;
  readonly url: string;
  readonly rate: number;
  readonly seconds: number;
  readonly secret: string;
  readonly tag: string;
  /** The stand-in the target calls views.open on; undefined for the bare app (it opens nothing). */
  readonly slack?: SlackStandIn;
}

export interface AckPhaseResult {
  readonly ack: LatencySummary;
  readonly viewsOpen?: LatencySummary;
  readonly sent: number;
  readonly failed: number;
  readonly viewsOpenMissing: number;
  readonly achievedRate: number;
  readonly maxSendLagMs: number;
  /** CPU time the target used per command during the phase (filled in by the caller). */
  readonly cpuMsPerCommand?: number;
  /** The same for the target's main thread alone, the one that acknowledges (filled in by the caller). */
  readonly ackThreadCpuMsPerCommand?: number;
}

/** Runs the load generator as its own process against one target and reads ack and views.open latencies. */
export async function runAckPhase(options: AckPhaseOptions): Promise<AckPhaseResult> {
  const args = {
    url: options.url,
    rate: options.rate,
    seconds: options.seconds,
    secret: options.secret,
    tag: options.tag,
  };
  const child = spawnNode('load-gen', options.loadGenScript, [JSON.stringify(args)], {});
  const code = await child.exited;
  const line = child.output().trim().split('\n').pop() ?? '';
  const parsed = LoadGenReport.safeParse(code === 0 ? JSON.parse(line) : undefined);
  if (!parsed.success) throw new Error(`load generator failed (${code}): ${child.output()}`);
  const { samples } = parsed.data;
  const answered = samples.filter((s) => s[3] === 200);
  const result = {
    ack: summarizeLatencies(answered.map((s) => s[2])),
    sent: samples.length,
    failed: samples.length - answered.length,
    achievedRate: parsed.data.achievedRate,
    maxSendLagMs: parsed.data.maxSendLagMs,
  };
  if (!options.slack) return { ...result, viewsOpenMissing: 0 };
  await waitForViewsOpen(options.slack, options.tag, answered.length, 10_000);
  const openedAt = new Map<string, number>();
  for (const call of options.slack.calls) {
    if (call.method === 'views.open') openedAt.set(String(call.args.trigger_id), call.time);
  }
  const viewsOpen: number[] = [];
  for (const [triggerId, sentAt] of answered) {
    const at = openedAt.get(triggerId);
    if (at !== undefined) viewsOpen.push(at - sentAt);
  }
  options.slack.calls.length = 0; // the next phase starts from an empty record (and memory)
  return {
    ...result,
    viewsOpen: summarizeLatencies(viewsOpen),
    viewsOpenMissing: answered.length - viewsOpen.length,
  };
}

/** Waits until the stand-in has seen `count` views.open calls of this run (or the timeout passes). */
async function waitForViewsOpen(
  slack: SlackStandIn,
  tag: string,
  count: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const seen = () =>
    slack.calls.filter(
      (c) => c.method === 'views.open' && String(c.args.trigger_id).startsWith(`${tag}.`),
    ).length;
  while (seen() < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
