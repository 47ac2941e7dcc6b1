import { roundMs } from './percentiles.js';
import type { AckResult } from './phase-ack.js';
import type { BurstResult } from './phase-burst.js';
import type { ChannelResult } from './phase-channel.js';
import type { CriticalPathResult } from './phase-critical-path.js';
import type { OptionsResult } from './phase-options.js';

export interface BenchFigures {
  readonly criticalPath: CriticalPathResult;
  readonly options: OptionsResult;
  readonly ack: AckResult;
  readonly channel: ChannelResult;
  readonly burst: BurstResult;
  /** Largest peak RSS of any product process in the run. */
  readonly peakRssMb: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The contract's keys (CONTRACT.md, "The benchmark") and the detail behind them. */
export function toLatestJson(f: BenchFigures, meta: Record<string, unknown>) {
  const cp = f.criticalPath;
  return {
    critical_path_ratio: r2(cp.criticalPathRatio),
    seed_serial_ratio: r2(cp.seedSerialRatio),
    options_p99_warm_ms: roundMs(f.options.warmP99Ms),
    options_p99_cold_ms: roundMs(f.options.coldMaxMs),
    channel20_seconds: r2(f.channel.seconds),
    channel20_slack_429: f.channel.slack429,
    channel20_finals_shed: f.channel.finalsShed,
    burst_lost: f.burst.lost,
    burst_duplicates: f.burst.duplicates,
    burst_unfinished: f.burst.unfinished,
    burst_deployments: f.burst.deployments,
    burst_seconds: r2(f.burst.seconds),
    burst_queue_wait_p99_ms: roundMs(f.burst.queueWaitP99Ms),
    peak_rss_mb: r2(f.peakRssMb),
    ack_p99_ms: roundMs(f.ack.botP99Ms),
    ack_p99_bare_bolt_ms: roundMs(f.ack.bareP99Ms),
    detail: { ...f, meta },
  };
}

/** The table `npm run bench` prints: each row's figure, what kind of figure it is, and its goal. */
export function formatTable(f: BenchFigures): string {
  const cp = f.criticalPath;
  const run = (n: 'shared' | 'gateway') => cp.runs.find((r) => r.network === n);
  const rounds = (n: 'shared' | 'gateway') =>
    `${run(n)?.observedRounds ?? '?'} run / ${run(n)?.neededRounds ?? '?'} needed`;
  const e2e = (n: 'shared' | 'gateway') => `${((run(n)?.e2eMs ?? 0) / 1000).toFixed(2)} s`;
  const rows: Array<[string, string, string, string]> = [
    [
      'critical_path_ratio',
      r2(cp.criticalPathRatio).toFixed(2),
      'ratio: e2e / CLI critical path (same run, 1500 ms/call)',
      '≤ 1.05',
    ],
    [
      'seed_serial_ratio',
      r2(cp.seedSerialRatio).toFixed(2),
      'ratio: e2e / the same calls one after another',
      '< 1',
    ],
    [
      '  shared: e2e, rounds',
      `${e2e('shared')}, ${rounds('shared')}`,
      'count of serial CLI rounds',
      '3',
    ],
    [
      '  dedicated: e2e, rounds',
      `${e2e('gateway')}, ${rounds('gateway')}`,
      'count of serial CLI rounds',
      'as needed',
    ],
    [
      'options_p99_warm_ms',
      roundMs(f.options.warmP99Ms).toFixed(1),
      `ms, ${f.options.warmAsks} asks at 40/s (CLI 1500 ms)`,
      '< 300',
    ],
    [
      'options_p99_cold_ms',
      roundMs(f.options.coldMaxMs).toFixed(1),
      `ms, slowest first ask of ${f.options.coldAsks} (4 regions × 2); ${f.options.coldEmpty} empty`,
      '< 3000, 0 empty',
    ],
    [
      'channel20_seconds',
      r2(f.channel.seconds).toFixed(1),
      's, submission → the last of 20 summaries (CLI at 0 ms, 2 workers)',
      '',
    ],
    ['channel20_slack_429', String(f.channel.slack429), 'count of 429s from the stand-in', '0'],
    [
      'channel20_finals_shed',
      String(f.channel.finalsShed),
      'count of parents not in their final state',
      '0',
    ],
    [
      'burst_lost',
      String(f.burst.lost),
      `count, of ${f.burst.deployments} (worker killed after ${f.burst.killedAfter} summaries; ${f.burst.unfinished} still running at ${f.burst.gaveUpAfter} s)`,
      '0',
    ],
    ['burst_duplicates', String(f.burst.duplicates), 'count of extra create-service calls', '0'],
    [
      'burst seconds / queue wait p99',
      `${r2(f.burst.seconds)} s / ${Math.round(f.burst.queueWaitP99Ms)} ms`,
      'to the last summary / enqueue → start',
      '',
    ],
    [
      'peak_rss_mb',
      r2(f.peakRssMb).toFixed(1),
      `MB, largest process (burst: ${Object.values(f.burst.peakRssMb)
        .map((x) => Math.round(x))
        .join(', ')})`,
      '',
    ],
    [
      'ack_p99_ms',
      roundMs(f.ack.botP99Ms).toFixed(2),
      `ms at ${f.ack.rate}/s, the bot`,
      '≤ 1.5 × bare',
    ],
    [
      'ack_p99_bare_bolt_ms',
      roundMs(f.ack.bareP99Ms).toFixed(2),
      `ms at ${f.ack.rate}/s, bare Bolt, same seconds (${f.ack.failures} failed)`,
      'baseline',
    ],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  return rows
    .map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' │ '))
    .join('\n');
}
