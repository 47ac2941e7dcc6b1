import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { filterSimCalls, readSimCallLog } from '../sim/aliyun/call-log.js';
import { SERVICE_BODY_FLAG } from '../src/aliyun/commands.js';
import { DEPLOY_QUEUE } from '../src/queue/deploy-queue.js';
import type { BenchStack } from './bench-stack.js';
import { readPeakRssMb } from './child-process.js';
import {
  type BenchDeployment,
  type SeenDeployment,
  submitDeployment,
  waitForDeployments,
} from './deployment-driver.js';
import { summarizeLatencies } from './percentiles.js';
import { WORLD_REGIONS } from './phase-options.js';

export interface BurstResult {
  readonly deployments: number;
  readonly accepted: number;
  /** No summary, and the job is no longer queued or running (failed, or ended without one). */
  readonly lost: number;
  /** No summary yet at the give-up time, the job still queued or running (slow, not lost). */
  readonly unfinished: number;
  /** create-service calls beyond the first for one service name (the simulator's call log). */
  readonly duplicates: number;
  readonly seconds: number;
  readonly queueWaitP99Ms: number;
  /** Peak RSS (VmHWM) of the bot and each worker, MB; the killed worker's as it died. */
  readonly peakRssMb: Record<string, number>;
  /** Seconds after the burst began that the benchmark stopped waiting (the 2-minute total). */
  readonly gaveUpAfter: number;
  /** Summaries posted when the first worker was killed. */
  readonly killedAfter: number;
}

/** Counts create-service calls per service name, from the body the CLI was given. */
async function countCreates(statePath: string): Promise<Map<string, number>> {
  const creates = new Map<string, number>();
  for (const call of filterSimCalls(await readSimCallLog(statePath), 'eas create-service')) {
    const body = call.argv[call.argv.indexOf(SERVICE_BODY_FLAG) + 1] ?? '{}';
    const name = (JSON.parse(body) as { metadata?: { name?: string } }).metadata?.name ?? '';
    creates.set(name, (creates.get(name) ?? 0) + 1);
  }
  return creates;
}

/** From BullMQ's own job records: enqueue → (last) start of each job, and the names still pending. */
async function readJobs(redisUrl: string, prefix: string) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(DEPLOY_QUEUE, { connection, prefix });
  const all = await queue.getJobs(['active', 'completed', 'failed', 'waiting', 'delayed']);
  const pending = await queue.getJobs(['active', 'waiting', 'delayed']);
  await queue.close();
  connection.disconnect();
  const nameOf = (data: unknown) =>
    (data as { spec?: { serviceName?: string } } | undefined)?.spec?.serviceName ?? '';
  return {
    waits: all.flatMap((j) => (j?.processedOn ? [j.processedOn - j.timestamp] : [])),
    pending: new Set(pending.map((j) => nameOf(j?.data))),
  };
}

/**
 * Submits every deployment at once (four regions, a channel each) to one bot and two workers, and
 * SIGKILLs the first worker once half of the summaries are in.
 */
export async function runBurst(
  stack: BenchStack,
  count: number,
  redisUrl: string,
  /** Epoch ms when the benchmark stops waiting for summaries. */
  deadline: number,
): Promise<BurstResult> {
  const wanted: BenchDeployment[] = Array.from({ length: count }, (_, i) => ({
    name: `bench_burst_${String(i).padStart(3, '0')}`,
    region: WORLD_REGIONS[i % WORLD_REGIONS.length] ?? 'cn-hangzhou',
    channel: `C0BURST${i}`,
  }));
  const summarized = (seen: Map<string, SeenDeployment>) =>
    wanted.filter((d) => seen.get(d.name)?.summaryAt !== undefined).length;
  const startedAt = Date.now();
  const acks = await Promise.all(wanted.map((d) => submitDeployment(stack.eventsUrl, d)));
  const accepted = acks.filter((a) => a.status === 200 && a.text === '').length;
  const half = await waitForDeployments(
    stack.slack,
    wanted,
    (seen) => summarized(seen) >= count / 2,
    // Killed by half-time at the latest, so the survivor has time to take its jobs over.
    Math.max(0, (deadline - Date.now()) / 2),
  );
  const [victim, ...rest] = stack.workers;
  const peakRssMb: Record<string, number> = {};
  if (victim) {
    peakRssMb[victim.name] = await readPeakRssMb(victim.pid);
    await victim.kill();
  }
  const seen = await waitForDeployments(
    stack.slack,
    wanted,
    (s) => summarized(s) === count,
    Math.max(0, deadline - Date.now()),
  );
  const times = [...seen.values()].flatMap((s) => (s.summaryAt ? [s.summaryAt] : []));
  for (const child of [stack.bot, ...rest]) peakRssMb[child.name] = await readPeakRssMb(child.pid);
  const creates = await countCreates(stack.statePath);
  const jobs = await readJobs(redisUrl, stack.prefix);
  const missing = wanted.filter((d) => seen.get(d.name)?.summaryAt === undefined);
  const unfinished = missing.filter((d) => jobs.pending.has(d.name)).length;
  return {
    deployments: count,
    accepted,
    lost: missing.length - unfinished,
    unfinished,
    duplicates: wanted.reduce((n, d) => n + Math.max(0, (creates.get(d.name) ?? 0) - 1), 0),
    seconds: (Math.max(startedAt, ...times) - startedAt) / 1000,
    queueWaitP99Ms: summarizeLatencies(jobs.waits).p99,
    peakRssMb,
    killedAfter: summarized(half),
    gaveUpAfter: Math.round((deadline - startedAt) / 1000),
  };
}
