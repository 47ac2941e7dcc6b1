import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { keysUnderPrefix } from '../src/queue/keys-under-prefix.js';
import { findSimExecutable, prepareSimEnv } from '../src/sim/aliyun/sim-env.js';
import { startSlackStandIn } from '../src/sim/slack/slack-standin.js';
import { COMMANDS_PATH } from '../src/slack/command-endpoint.js';
import { type AckPhaseResult, runAckPhase } from './ack-phase.js';
import {
  type AckRound,
  type AckRoundsSummary,
  type PhaseTarget,
  phaseOrder,
  summarizeRounds,
} from './ack-rounds.js';
import { buildResults, formatTable } from './bench-report.js';
import { runBurstPhase } from './burst-phase.js';
import { findFreePort, readCpuMs, readPeakRssMb, spawnNode, waitForPort } from './child-process.js';
import { probeCpuMs } from './cpu-probe.js';
import { runE2ePhase } from './e2e-phase.js';
import { PRODUCT_NODE_OPTIONS } from './node-flags.js';
import { runViewsOpenCost } from './views-open-cost.js';

/**
 * `npm run bench`: the bot and a bare Bolt app each in their own process, the load generator in a
 * third, the Slack stand-in here; then e2e overhead and a burst with separate worker processes.
 */
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const SECRET = 'bench-signing-secret';
const TOKEN = 'xoxb-bench-token';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Rounds of bot / bare / bare-again at each rate; the reported round is the median one. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Load at the phase's rate before each measured phase, unmeasured: JIT and pools warm, as in service. */
const WARMUP_SECONDS = 2;

async function runBench(): Promise<void> {
  const began = Date.now();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const dir = await mkdtemp(join(tmpdir(), 'eas-bench-'));
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const slack = await startSlackStandIn();
  const botSim = await prepareSimEnv({ dir: await mkdirIn(dir, 'bot') });
  const [botPort, barePort] = [await findFreePort(), await findFreePort()];
  const baseEnv = {
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    ALIYUN_CLI: findSimExecutable(),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  };
  const botFlags = { NODE_OPTIONS: PRODUCT_NODE_OPTIONS };
  const main = join(ROOT, 'dist', 'src', 'main.js');
  const bot = spawnNode('bot', main, ['bot'], {
    ...baseEnv,
    ...botSim,
    ...botFlags,
    PORT: String(botPort),
  });
  const bare = spawnNode('bare-bolt', join(HERE, 'run-bare-bolt.js'), [], {
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(barePort),
    NODE_OPTIONS: PRODUCT_NODE_OPTIONS,
  });
  const stops: Array<() => Promise<void>> = [];
  try {
    await Promise.all([waitForPort(botPort, 20_000), waitForPort(barePort, 20_000)]);
    // The command's own endpoint, where manifest.json sends it; /slack/events is measured beside it.
    const botUrl = `http://127.0.0.1:${botPort}${COMMANDS_PATH}`;
    const botEventsUrl = `http://127.0.0.1:${botPort}/slack/events`;
    const bareUrl = `http://127.0.0.1:${barePort}/slack/events`;
    const cpuProbeMs = [probeCpuMs()];
    const targets = {
      bot: { url: botUrl, pid: bot.pid, label: 'the bot' },
      bare: { url: bareUrl, pid: bare.pid, label: 'bare Bolt' },
      bareAgain: { url: bareUrl, pid: bare.pid, label: 'bare Bolt again (A/A control)' },
      botEvents: { url: botEventsUrl, pid: bot.pid, label: 'the bot via /slack/events' },
    };
    const load = async (
      which: PhaseTarget | 'botEvents',
      rate: number,
      tag: string,
    ): Promise<AckPhaseResult> => {
      const { url, pid, label } = targets[which];
      const common = { loadGenScript: join(HERE, 'run-load-gen.js'), url, rate, secret: SECRET };
      // Only the bot opens views; the bare app's phases wait for none.
      const target = which === 'bot' || which === 'botEvents' ? { slack } : {};
      say(`load: ${rate}/s for ${SECONDS} s against ${label}`);
      await runAckPhase({ ...common, ...target, seconds: WARMUP_SECONDS, tag: `warm${tag}` });
      const cpuBefore = await readCpuMs(pid);
      const ackThreadBefore = await readCpuMs(pid, pid);
      const result = await runAckPhase({
        ...common,
        ...target,
        seconds: SECONDS,
        tag: `run${tag}`,
      });
      const cpuMsPerCommand = ((await readCpuMs(pid)) - cpuBefore) / result.sent;
      const ackThreadCpuMsPerCommand =
        ((await readCpuMs(pid, pid)) - ackThreadBefore) / result.sent;
      cpuProbeMs.push(probeCpuMs());
      return { ...result, cpuMsPerCommand, ackThreadCpuMsPerCommand };
    };
    /** The bot's p99 at /slack/events in each round at 500/s, over that round's bare p99. */
    const eventsEndpointRatios: number[] = [];
    const runRounds = async (rate: number, withEvents = false): Promise<AckRoundsSummary> => {
      const rounds: AckRound[] = [];
      for (let index = 0; index < ROUNDS; index += 1) {
        const round: Partial<Record<PhaseTarget, AckPhaseResult>> = {};
        for (const which of phaseOrder(index)) {
          round[which] = await load(which, rate, `${rate}.${index}.${which}`);
        }
        const { bot: b, bare: n, bareAgain: a } = round;
        if (!b || !n || !a) throw new Error('a round missed a phase');
        rounds.push({ bot: b, bare: n, bareAgain: a });
        if (withEvents) {
          const viaEvents = await load('botEvents', rate, `${rate}.${index}.botEvents`);
          eventsEndpointRatios.push(viaEvents.ack.p99 / n.ack.p99);
        }
      }
      return summarizeRounds(rounds);
    };
    const rounds = { at100: await runRounds(100), at500: await runRounds(500, true) };
    const ack = {
      bot100: rounds.at100.median.bot,
      bare100: rounds.at100.median.bare,
      bot500: rounds.at500.median.bot,
      bare500: rounds.at500.median.bare,
    };
    say("views.open: CPU of one call, the SDK as it comes and the bot's path");
    const viewsOpenCost = await runViewsOpenCost(
      join(HERE, 'run-views-open-cost.js'),
      slack.apiUrl,
      3000,
    );
    slack.calls.length = 0;
    await bare.stop();
    // The overload phases above inflate the bot's high-water mark; the burst's peak RSS is read
    // from a fresh bot process that serves only the e2e and burst phases.
    const ackPeakRssMb = await readPeakRssMb(bot.pid);
    await bot.stop();
    const burstBotPort = await findFreePort();
    const burstBot = spawnNode('bot', main, ['bot'], {
      ...baseEnv,
      ...botSim,
      ...botFlags,
      PORT: String(burstBotPort),
    });
    stops.push(() => burstBot.stop());
    await waitForPort(burstBotPort, 20_000);
    const burstBotUrl = `http://127.0.0.1:${burstBotPort}/slack/events`;
    say('e2e: one deployment at a time, simulated CLI latency 200 ms');
    const phaseCommon = {
      slack,
      eventsUrl: burstBotUrl,
      secret: SECRET,
      mainScript: main,
      baseEnv,
    };
    const e2e = await runE2ePhase({
      ...phaseCommon,
      dir: await mkdirIn(dir, 'e2e'),
      latencyMs: 200,
      deployments: 5,
    });
    slack.calls.length = 0;
    say('burst: 100 deployments at once across 4 regions, 2 worker processes');
    const burst = await runBurstPhase({
      ...phaseCommon,
      redisUrl: REDIS_URL,
      prefix,
      dir: await mkdirIn(dir, 'burst'),
      deployments: 100,
      workers: 2,
      regionLimit: 4,
    });
    const input = {
      commit: readCommit(),
      ack,
      rounds,
      eventsEndpointRatios500: eventsEndpointRatios,
      viewsOpenCost,
      e2e,
      burst,
      botPeakRssMb: await readPeakRssMb(burstBot.pid),
      botPeakRssAckMb: ackPeakRssMb,
      cpuProbeMs: [...cpuProbeMs, probeCpuMs()],
      seconds: (Date.now() - began) / 1000,
      loadAverage: {
        start: loadAtStart,
        end: loadavg()[0] ?? Number.NaN,
        cpus: availableParallelism(),
      },
    };
    say(`\n${formatTable(input)}\n`);
    await mkdir(join(ROOT, 'bench', 'results'), { recursive: true });
    const out = join(ROOT, 'bench', 'results', 'latest.json');
    await writeFile(out, `${JSON.stringify(buildResults(input), null, 2)}\n`);
    say(`wrote ${out}`);
  } finally {
    await Promise.all([bot.stop(), bare.stop(), ...stops.map((stop) => stop())]);
    await slack.close();
    await deleteKeys(prefix);
    await rm(dir, { recursive: true, force: true });
  }
}

async function mkdirIn(parent: string, name: string): Promise<string> {
  const path = join(parent, name);
  await mkdir(path, { recursive: true });
  return path;
}

/** The commit measured, marked `-dirty` when the worktree has changes. */
function readCommit(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const head = git('rev-parse', '--short', 'HEAD');
  return git('status', '--porcelain', '--untracked-files=no') ? `${head}-dirty` : head;
}

/** Removes every Redis key of this run. */
async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  for await (const keys of keysUnderPrefix(redis, prefix)) await redis.del(...keys);
  redis.disconnect();
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

runBench().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
