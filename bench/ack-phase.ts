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
  const opened = options.slack ? collectViewsOpen(options.slack, options.tag) : undefined;
  const child = spawnNode('load-gen', options.loadGenScript, [JSON.stringify(args)], {});
  const code = await child.exited;
  const line = child.output().trim().split('\n').pop() ?? '';
  const parsed = LoadGenReport.safeParse(code === 0 ? JSON.parse(line) : undefined);
  if (!parsed.success) {
    opened?.stop();
    throw new Error(`load generator failed (${code}): ${child.output()}`);
  }
  const { samples } = parsed.data;
  const answered = samples.filter((s) => s[3] === 200);
  const result = {
    ack: summarizeLatencies(answered.map((s) => s[2])),
    sent: samples.length,
    failed: samples.length - answered.length,
    achievedRate: parsed.data.achievedRate,
    maxSendLagMs: parsed.data.maxSendLagMs,
  };
  if (!opened) return { ...result, viewsOpenMissing: 0 };
  const openedAt = await opened.until(answered.length, 10_000);
  const viewsOpen: number[] = [];
  for (const [triggerId, sentAt] of answered) {
    const at = openedAt.get(triggerId);
    if (at !== undefined) viewsOpen.push(at - sentAt);
  }
  return {
    ...result,
    viewsOpen: summarizeLatencies(viewsOpen),
    viewsOpenMissing: answered.length - viewsOpen.length,
  };
}

/** How often the stand-in's record is emptied during a phase. */
const COLLECT_EVERY_MS = 100;

/**
 * Takes each views.open the stand-in records (trigger_id → arrival time) out of its record as the
 * phase runs. Why: each record holds the parsed view (5 KB of JSON); kept for a 10 s phase at 500/s
 * that is over 100 MB, which the stand-in's collector marks again and again on the cores the
 * target is measured on. Nothing else calls the stand-in during an ack phase.
 */
function collectViewsOpen(slack: SlackStandIn, tag: string) {
  const openedAt = new Map<string, number>();
  const collect = (): void => {
    for (const call of slack.calls) {
      const triggerId = String(call.args.trigger_id);
      // A late open of the phase before (its warm-up) is not one of this phase's.
      if (call.method === 'views.open' && triggerId.startsWith(`${tag}.`)) {
        openedAt.set(triggerId, call.time);
      }
    }
    slack.calls.length = 0;
  };
  const timer = setInterval(collect, COLLECT_EVERY_MS);
  timer.unref(); // a phase that throws before `until` must not keep the benchmark alive
  const stop = (): void => {
    clearInterval(timer);
    collect();
  };
  return {
    stop,
    /** Resolves once `count` views.open arrived (or the timeout passed), with all that did. */
    async until(count: number, timeoutMs: number): Promise<ReadonlyMap<string, number>> {
      const deadline = Date.now() + timeoutMs;
      collect();
      while (openedAt.size < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, COLLECT_EVERY_MS));
        collect();
      }
      stop();
      return openedAt;
    },
  };
}
