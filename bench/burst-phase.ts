import { Redis } from 'ioredis';
import { readSimCallLog } from '../sim/aliyun/call-log.js';
import { buildDemoWorld } from '../sim/aliyun/demo-world.js';
import { prepareSimEnv } from '../sim/aliyun/sim-env.js';
import type { SlackStandIn } from '../sim/slack/slack-standin.js';
import { callNamesService, toTimedCalls } from './call-waves.js';
import { type BenchChild, readPeakRssMb, spawnNode } from './child-process.js';
import { type BenchDeployment, submitDeployment, waitForSummaries } from './deployment-driver.js';
import { countMaxOverlap } from './percentiles.js';

/**
 * A deployment counts as lost only if it has no result message after this long: on a slow or busy
 * 2-core machine the burst's 800-odd simulator processes alone take a minute or more, and a slow
 * summary is measured by burst_100_seconds, not miscounted as lost.
 */
const GIVE_UP_MS = 300_000;

export const BURST_REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'ap-southeast-1'];

export interface BurstPhaseOptions {
  readonly slack: SlackStandIn;
  readonly eventsUrl: string;
  readonly secret: string;
  readonly mainScript: string;
  readonly baseEnv: Record<string, string>;
  readonly redisUrl: string;
  readonly prefix: string;
  readonly dir: string;
  readonly deployments: number;
  readonly workers: number;
  readonly regionLimit: number;
}

export interface BurstPhaseResult {
  readonly submitted: number;
  readonly accepted: number;
  /** Deployments with a result message in their thread (deployed or not). */
  readonly summaries: number;
  readonly lost: number;
  readonly seconds: number;
  /** Most deployments of one region between their first and last CLI call at once (simulator call log). */
  readonly regionMaxFromLog: Record<string, number>;
  /** Most region-slot holders seen at once by sampling Redis every 20 ms. */
  readonly regionMaxFromSlots: Record<string, number>;
  readonly regionLimit: number;
  readonly workerPeakRssMb: number[];
  /** Deployments whose result message was not a deployment summary, with its text. */
  readonly notDeployed: Record<string, string>;
  /** Summaries whose status was not Running (the describe calls failed or answered late). */
  readonly notRunning: Record<string, string>;
}

/** Submits all deployments at once across four regions to separate worker processes and waits for every summary. */
export async function runBurstPhase(options: BurstPhaseOptions): Promise<BurstPhaseResult> {
  const world = { ...buildDemoWorld(), lifecycle: { creatingMs: 0, waitingMs: 0, invisibleMs: 0 } };
  const simEnv = await prepareSimEnv({ dir: options.dir, world });
  const workers: BenchChild[] = Array.from({ length: options.workers }, (_, i) =>
    spawnNode(`worker-${i}`, options.mainScript, ['worker'], {
      ...options.baseEnv,
      ...simEnv,
      EAS_REGION_CONCURRENCY: String(options.regionLimit),
    }),
  );
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const sampler = sampleRegionSlots(redis, options.prefix);
  try {
    const wanted: BenchDeployment[] = Array.from({ length: options.deployments }, (_, i) => ({
      name: `bench_burst_${String(i).padStart(3, '0')}`,
      region: BURST_REGIONS[i % BURST_REGIONS.length] ?? 'cn-hangzhou',
    }));
    const names = wanted.map((d) => d.name);
    const startedAt = Date.now();
    const acks = await Promise.all(
      wanted.map((d) => submitDeployment(options.eventsUrl, options.secret, d)),
    );
    const accepted = acks.filter((a) => a.status === 200 && a.text === '').length;
    const found = await waitForSummaries(options.slack, names, GIVE_UP_MS);
    const lastAt = Math.max(startedAt, ...[...found.values()].map((r) => r.time));
    const workerPeakRssMb = await Promise.all(workers.map((w) => readPeakRssMb(w.pid)));
    const log = toTimedCalls(await readSimCallLog(simEnv.ALIYUN_SIM_STATE ?? ''));
    const regionMaxFromLog: Record<string, number> = {};
    for (const region of BURST_REGIONS) {
      const intervals = wanted
        .filter((d) => d.region === region)
        .map((d) => log.filter((c) => callNamesService(c, d.name)).map((c) => c.at))
        .filter((times) => times.length > 0)
        .map((times) => ({ start: Math.min(...times), end: Math.max(...times) }));
      regionMaxFromLog[region] = countMaxOverlap(intervals);
    }
    return {
      submitted: wanted.length,
      accepted,
      summaries: found.size,
      lost: wanted.length - found.size,
      seconds: (lastAt - startedAt) / 1000,
      regionMaxFromLog,
      regionMaxFromSlots: await sampler.stop(),
      regionLimit: options.regionLimit,
      workerPeakRssMb,
      notDeployed: Object.fromEntries(
        [...found].filter(([, r]) => !r.deployed).map(([name, r]) => [name, r.text]),
      ),
      notRunning: Object.fromEntries(
        [...found]
          .filter(([, r]) => r.deployed && !r.text.includes(' is Running '))
          .map(([name, r]) => [name, r.text]),
      ),
    };
  } finally {
    await sampler.stop();
    redis.disconnect();
    await Promise.all(workers.map((w) => w.stop()));
  }
}

/** Samples how many holders each region's slot set has, every 20 ms, until stopped. */
function sampleRegionSlots(redis: Redis, prefix: string) {
  const max: Record<string, number> = Object.fromEntries(BURST_REGIONS.map((r) => [r, 0]));
  let running = true;
  const loop = (async () => {
    while (running) {
      const counts = await Promise.all(
        BURST_REGIONS.map((r) => redis.zcard(`${prefix}:region-slots:${r}`)),
      );
      counts.forEach((n, i) => {
        const region = BURST_REGIONS[i] ?? '';
        max[region] = Math.max(max[region] ?? 0, n);
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop(): Promise<Record<string, number>> {
      running = false;
      await loop;
      return max;
    },
  };
}
