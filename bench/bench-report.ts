import type { AckPhaseResult } from './ack-phase.js';
import type { AckRoundsSummary } from './ack-rounds.js';
import type { BurstPhaseResult } from './burst-phase.js';
import type { E2ePhaseResult } from './e2e-phase.js';
import { roundMs, summarizeLatencies } from './percentiles.js';
import type { ViewsOpenCost } from './views-open-cost.js';

/** The nearest-rank median (the lower middle for an even count); NaN for none. */
const median = (values: readonly number[]): number => summarizeLatencies(values).p50;

export interface BenchInput {
  readonly commit: string;
  /** The median round's phases at each rate (see ack-rounds.ts). */
  readonly ack: Record<'bot100' | 'bare100' | 'bot500' | 'bare500', AckPhaseResult>;
  readonly rounds: Record<'at100' | 'at500', AckRoundsSummary>;
  /** At 500/s, per round: the bot's ack p99 with the command sent to /slack/events, over bare Bolt's. */
  readonly eventsEndpointRatios500?: readonly number[];
  readonly viewsOpenCost: ViewsOpenCost;
  readonly e2e: E2ePhaseResult;
  readonly burst: BurstPhaseResult;
  /** The bot that served the e2e and burst phases. */
  readonly botPeakRssMb: number;
  /** The bot that took the open-loop load (100/s and 500/s), for comparison. */
  readonly botPeakRssAckMb?: number;
  readonly seconds: number;
  /** probeCpuMs() at the start, after each ack phase and at the end: the host's speed drifting. */
  readonly cpuProbeMs: readonly number[];
  /** os.loadavg()[0] at the start and the end: other work on the machine skews the latencies. */
  readonly loadAverage: { start: number; end: number; cpus: number };
}

/** The flat key → number record of bench/results/latest.json (CONTRACT.md keys first). */
export function buildResults(input: BenchInput): Record<string, unknown> {
  const { ack, e2e, burst } = input;
  const peak = Math.max(input.botPeakRssMb, ...burst.workerPeakRssMb);
  return {
    ack_p99_ms: roundMs(ack.bot100.ack.p99),
    ack_p99_bare_bolt_ms: roundMs(ack.bare100.ack.p99),
    views_open_p99_ms: roundMs(ack.bot100.viewsOpen?.p99 ?? Number.NaN),
    ack_p99_ms_500: roundMs(ack.bot500.ack.p99),
    ack_p99_bare_bolt_ms_500: roundMs(ack.bare500.ack.p99),
    views_open_p99_ms_500: roundMs(ack.bot500.viewsOpen?.p99 ?? Number.NaN),
    e2e_overhead_ms: e2e.overheadMs,
    burst_100_seconds: roundMs(burst.seconds),
    burst_lost: burst.lost,
    peak_rss_mb: roundMs(peak),
    ack_p99_ratio: roundMs(input.rounds.at100.medianRatio),
    ack_p99_ratio_500: roundMs(input.rounds.at500.medianRatio),
    ack_p99_ratio_rounds: input.rounds.at100.ratios.map(roundMs),
    ack_p99_ratio_rounds_500: input.rounds.at500.ratios.map(roundMs),
    ack_p99_ratio_aa_rounds: input.rounds.at100.aaRatios.map(roundMs),
    ack_p99_ratio_aa_rounds_500: input.rounds.at500.aaRatios.map(roundMs),
    ack_p99_ratio_events_endpoint_500: roundMs(median(input.eventsEndpointRatios500 ?? [])),
    ack_p99_ratio_events_endpoint_rounds_500: (input.eventsEndpointRatios500 ?? []).map(roundMs),
    ack_p50_ms: roundMs(ack.bot100.ack.p50),
    ack_p50_bare_bolt_ms: roundMs(ack.bare100.ack.p50),
    views_open_p50_ms: roundMs(ack.bot100.viewsOpen?.p50 ?? Number.NaN),
    ack_p50_ms_500: roundMs(ack.bot500.ack.p50),
    ack_p50_bare_bolt_ms_500: roundMs(ack.bare500.ack.p50),
    views_open_p50_ms_500: roundMs(ack.bot500.viewsOpen?.p50 ?? Number.NaN),
    cpu_ms_per_command: roundMs(ack.bot100.cpuMsPerCommand ?? Number.NaN),
    cpu_ms_per_command_bare_bolt: roundMs(ack.bare100.cpuMsPerCommand ?? Number.NaN),
    cpu_ms_per_command_500: roundMs(ack.bot500.cpuMsPerCommand ?? Number.NaN),
    cpu_ms_per_command_bare_bolt_500: roundMs(ack.bare500.cpuMsPerCommand ?? Number.NaN),
    ack_thread_cpu_ms_per_command_500: roundMs(ack.bot500.ackThreadCpuMsPerCommand ?? Number.NaN),
    ack_thread_cpu_ms_per_command_bare_bolt_500: roundMs(
      ack.bare500.ackThreadCpuMsPerCommand ?? Number.NaN,
    ),
    views_open_cpu_ms_sdk_default: roundMs(input.viewsOpenCost.sdkDefaultMs),
    views_open_cpu_ms: roundMs(input.viewsOpenCost.botMs),
    achieved_rate: roundMs(ack.bot100.achievedRate),
    achieved_rate_500: roundMs(ack.bot500.achievedRate),
    ack_failed: ack.bot100.failed + ack.bot500.failed,
    views_open_missing: ack.bot100.viewsOpenMissing + ack.bot500.viewsOpenMissing,
    e2e_median_ms: e2e.e2eMedianMs,
    e2e_latency_ms: e2e.latencyMs,
    e2e_cli_waves: e2e.waves,
    e2e_cli_busy_ms: e2e.cliBusyMedianMs,
    e2e_overhead_vs_4l_ms: e2e.overheadVs4LMs,
    burst_accepted: burst.accepted,
    burst_region_limit: burst.regionLimit,
    burst_region_max_log: burst.regionMaxFromLog,
    burst_region_max_slots: burst.regionMaxFromSlots,
    burst_not_deployed: burst.notDeployed,
    burst_not_running: burst.notRunning,
    peak_rss_bot_mb: roundMs(input.botPeakRssMb),
    ...(input.botPeakRssAckMb === undefined
      ? {}
      : { peak_rss_bot_under_load_mb: roundMs(input.botPeakRssAckMb) }),
    peak_rss_workers_mb: burst.workerPeakRssMb.map(roundMs),
    commit: input.commit,
    measured_at: new Date().toISOString(),
    bench_seconds: roundMs(input.seconds),
    cpu_probe_ms: input.cpuProbeMs.map(roundMs),
    load_average_1m_start: roundMs(input.loadAverage.start),
    load_average_1m_end: roundMs(input.loadAverage.end),
    cpus: input.loadAverage.cpus,
    details: {
      ack,
      e2e,
    },
  };
}

const row = (label: string, value: string, target: string) =>
  `${label.padEnd(52)}${value.padStart(20)}   ${target}`;
const ms = (x: number) => `${roundMs(x).toFixed(2)} ms`;

/** The table `npm run bench` prints. */
export function formatTable(input: BenchInput): string {
  const { ack, e2e, burst } = input;
  const ratio = (bot: AckPhaseResult, bare: AckPhaseResult) =>
    `${(bot.ack.p99 / bare.ack.p99).toFixed(2)}×`;
  const spread = (ratios: readonly number[]) =>
    `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`;
  const roundsRows = (rate: number, summary: AckRoundsSummary) => [
    row(`  bot / bare per round @${rate}/s`, spread(summary.ratios), ''),
    row(`  bare / bare per round @${rate}/s (A/A control)`, spread(summary.aaRatios), 'noise'),
  ];
  const peak = Math.max(input.botPeakRssMb, ...burst.workerPeakRssMb);
  const lines = [
    row('metric', 'value', 'target'),
    row(
      'ack p50 / p99 @100/s (bot)',
      `${ms(ack.bot100.ack.p50)} / ${ms(ack.bot100.ack.p99)}`,
      '< 15 ms',
    ),
    row(
      'ack p50 / p99 @100/s (bare Bolt)',
      `${ms(ack.bare100.ack.p50)} / ${ms(ack.bare100.ack.p99)}`,
      '',
    ),
    row('ack p99 bot / bare @100/s (median round)', ratio(ack.bot100, ack.bare100), '≤ 1.5×'),
    ...roundsRows(100, input.rounds.at100),
    row(
      'views.open p50 / p99 @100/s',
      `${ms(ack.bot100.viewsOpen?.p50 ?? Number.NaN)} / ${ms(ack.bot100.viewsOpen?.p99 ?? Number.NaN)}`,
      '< 100 ms',
    ),
    row('ack p50 / p99 @500/s (bot)', `${ms(ack.bot500.ack.p50)} / ${ms(ack.bot500.ack.p99)}`, ''),
    row(
      'ack p50 / p99 @500/s (bare Bolt)',
      `${ms(ack.bare500.ack.p50)} / ${ms(ack.bare500.ack.p99)}`,
      '',
    ),
    row('ack p99 bot / bare @500/s (median round)', ratio(ack.bot500, ack.bare500), '≤ 1.5×'),
    ...roundsRows(500, input.rounds.at500),
    ...(input.eventsEndpointRatios500?.length
      ? [
          row(
            '  bot via /slack/events / bare (median, range)',
            `${median(input.eventsEndpointRatios500).toFixed(2)}×, ${spread(input.eventsEndpointRatios500)}`,
            '',
          ),
        ]
      : []),
    row(
      'views.open p50 / p99 @500/s',
      `${ms(ack.bot500.viewsOpen?.p50 ?? Number.NaN)} / ${ms(ack.bot500.viewsOpen?.p99 ?? Number.NaN)}`,
      '',
    ),
    row(
      'CPU per command @100/s: bot / bare Bolt',
      `${ms(ack.bot100.cpuMsPerCommand ?? Number.NaN)} / ${ms(ack.bare100.cpuMsPerCommand ?? Number.NaN)}`,
      '',
    ),
    row(
      'CPU per command @500/s: bot / bare Bolt',
      `${ms(ack.bot500.cpuMsPerCommand ?? Number.NaN)} / ${ms(ack.bare500.cpuMsPerCommand ?? Number.NaN)}`,
      '',
    ),
    row(
      'CPU per command @500/s, ack thread: bot / bare',
      `${ms(ack.bot500.ackThreadCpuMsPerCommand ?? Number.NaN)} / ${ms(ack.bare500.ackThreadCpuMsPerCommand ?? Number.NaN)}`,
      '',
    ),
    row(
      'views.open CPU: SDK default / bot path',
      `${ms(input.viewsOpenCost.sdkDefaultMs)} / ${ms(input.viewsOpenCost.botMs)}`,
      '',
    ),
    row(
      'achieved rate 100 / 500',
      `${ack.bot100.achievedRate.toFixed(0)} / ${ack.bot500.achievedRate.toFixed(0)}/s`,
      '',
    ),
    row(`e2e median (L = ${e2e.latencyMs} ms, ${e2e.deployments} runs)`, ms(e2e.e2eMedianMs), ''),
    row(
      `CLI critical path (${e2e.waves} waves, measured)`,
      ms(e2e.cliBusyMedianMs),
      `≈ ${e2e.waves} × L + process starts`,
    ),
    row('e2e overhead (e2e − CLI critical path)', ms(e2e.overheadMs), '< 300 ms'),
    row('e2e overhead vs 4L (process starts included)', ms(e2e.overheadVs4LMs), ''),
    row(`burst: ${burst.submitted} deployments, last summary`, `${burst.seconds.toFixed(2)} s`, ''),
    row('burst lost', String(burst.lost), '0'),
    row(
      'burst results: not deployed / not Running',
      `${Object.keys(burst.notDeployed).length} / ${Object.keys(burst.notRunning).length}`,
      '0 / 0',
    ),
    row(
      'burst max per region (log / slots)',
      `${Math.max(...Object.values(burst.regionMaxFromLog))} / ${Math.max(...Object.values(burst.regionMaxFromSlots))}`,
      `≤ ${burst.regionLimit}`,
    ),
    ...(input.botPeakRssAckMb === undefined
      ? []
      : [
          row('peak RSS of the bot under 500/s load', `${input.botPeakRssAckMb.toFixed(0)} MB`, ''),
        ]),
    row(
      'peak RSS in the burst (bot / workers)',
      `${input.botPeakRssMb.toFixed(0)} / ${burst.workerPeakRssMb.map((x) => x.toFixed(0)).join(', ')} MB`,
      '',
    ),
    row('peak RSS (max)', `${peak.toFixed(1)} MB`, '< 250 MB'),
    row(
      'CPU speed probe (same loop), fastest / slowest',
      `${ms(Math.min(...input.cpuProbeMs))} / ${ms(Math.max(...input.cpuProbeMs))}`,
      'equal on a steady machine',
    ),
    row(
      `machine load (1 min avg, ${input.loadAverage.cpus} CPUs)`,
      `${input.loadAverage.start.toFixed(1)} → ${input.loadAverage.end.toFixed(1)}`,
      `≤ ${input.loadAverage.cpus} for clean numbers`,
    ),
  ];
  return lines.join('\n');
}
