import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTable, toLatestJson } from './bench-report.js';
import { type BenchStack, startBenchStack } from './bench-stack.js';
import { readPeakRssMb } from './child-process.js';
import { runAck } from './phase-ack.js';
import { runBurst } from './phase-burst.js';
import { runChannelTwenty, waitForChannelCli } from './phase-channel.js';
import { runCriticalPath, warmUp } from './phase-critical-path.js';
import { runOptions } from './phase-options.js';

/** `npm run bench`: what users feel, in under two minutes (docs/BENCHMARK.md). */
const BURST_COUNT = Number(process.env.BENCH_BURST ?? 20);
/** The burst waits for summaries until this long after the start, leaving time to tear down under 2 minutes. */
const TOTAL_BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 110_000);
const benchStart = Date.now();
/**
 * Stalled-job recovery within seconds (BullMQ's default is 30 s), so the killed worker's jobs come
 * back inside the run; 10 s, as 4 s let live workers on a loaded 2-core box lose their locks.
 */
const FAST_RECOVERY = { EAS_LOCK_DURATION_MS: '10000', EAS_STALLED_INTERVAL_MS: '2000' };

const log = (line: string) =>
  process.stderr.write(`bench ${(performance.now() / 1000).toFixed(1)}s: ${line}\n`);

async function main(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const root = await mkdtemp(join(tmpdir(), 'eas-bench-'));
  const load = loadavg().map((x) => x.toFixed(2));
  const stacks: BenchStack[] = [];
  const start = async (o: Parameters<typeof startBenchStack>[0]) => {
    const s = await startBenchStack(o);
    stacks.push(s);
    return s;
  };
  try {
    const base = { root, redisUrl };
    // Paths: one worker, Slack's limits off (not what these phases study).
    const [paths, channel, burst] = await Promise.all([
      start({ ...base, name: 'paths', workers: 1, rules: { rateLimits: false } }),
      start({
        ...base,
        name: 'ch20',
        workers: 2,
        env: { EAS_WORKER_CONCURRENCY: '10', EAS_REGION_CONCURRENCY: '20', ...FAST_RECOVERY },
      }),
      // Jobs wait on the workspace's Slack budget after their summary: enough slots that they never queue behind it.
      start({
        ...base,
        name: 'burst',
        workers: 2,
        env: { EAS_WORKER_CONCURRENCY: '100', ...FAST_RECOVERY },
      }),
    ]);
    log('stacks up');
    // One channel first: its CLI work is over in seconds, the rest is Slack's pace (light), which
    // leaves the machine to the timed phases; then the burst, the CPU-heaviest, alone.
    const channelRun = runChannelTwenty(channel);
    await waitForChannelCli(channel, 40_000);
    log('channel CLI done');
    await warmUp(paths);
    const options = await runOptions(paths);
    log('options done');
    const criticalPath = await runCriticalPath(paths);
    log('critical path done');
    const ack = await runAck(paths);
    log('ack done');
    const channelResult = await channelRun;
    const channelRss = await Promise.all(
      [channel.bot, ...channel.workers].map((c) => readPeakRssMb(c.pid)),
    );
    await channel.stop();
    log('channel done');
    // The burst last and alone: beside it the bot's ack p99 went from ~10 ms to seconds.
    const burstResult = await runBurst(burst, BURST_COUNT, redisUrl, benchStart + TOTAL_BUDGET_MS);
    log('burst done');
    const pathsRss = await Promise.all(
      [paths.bot, ...paths.workers].map((c) => readPeakRssMb(c.pid)),
    );
    const rss = [...pathsRss, ...channelRss];
    const figures = {
      criticalPath,
      options,
      ack,
      channel: channelResult,
      burst: burstResult,
      peakRssMb: Math.max(
        ...rss.filter((x) => !Number.isNaN(x)),
        ...Object.values(burstResult.peakRssMb),
      ),
    };
    const seconds = performance.now() / 1000;
    const meta = {
      commit: commitOf(),
      at: new Date().toISOString(),
      loadavgStart: load,
      loadavgEnd: loadavg().map((x) => x.toFixed(2)),
      seconds: Number(seconds.toFixed(1)),
    };
    await mkdir('bench/results', { recursive: true });
    await writeFile(
      'bench/results/latest.json',
      `${JSON.stringify(toLatestJson(figures, meta), null, 2)}\n`,
    );
    process.stdout.write(`${formatTable(figures)}\n`);
    process.stdout.write(
      `commit ${meta.commit}, ${meta.seconds} s, load average ${load.join(' ')} → ${meta.loadavgEnd.join(' ')}; bench/results/latest.json\n`,
    );
  } finally {
    await Promise.all(stacks.map((s) => s.stop().catch(() => {})));
    // The killed worker's CLI children may still be writing there for a moment.
    await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(
      () => {},
    );
  }
}

function commitOf(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
