import { join } from 'node:path';
import { LOCAL_SIGNING_SECRET } from '../demo/local-stack.js';
import type { BenchStack } from './bench-stack.js';
import { findFreePort, spawnNode, waitForPort } from './child-process.js';
import { LoadGenReport } from './load-gen.js';
import { summarizeLatencies } from './percentiles.js';

const RATE = 20;
const SECONDS = 9;
/** Answers to commands sent in the first seconds are not counted (JIT, connections). */
const WARM_UP_MS = 2_000;

export interface AckResult {
  readonly rate: number;
  readonly counted: number;
  readonly botP99Ms: number;
  readonly bareP99Ms: number;
  readonly failures: number;
}

/** One load generator process at RATE commands/s against url; answers its report. */
async function load(url: string, tag: string): Promise<LoadGenReport> {
  const args = { url, rate: RATE, seconds: SECONDS, secret: LOCAL_SIGNING_SECRET, tag };
  const child = spawnNode(
    `load-${tag}`,
    join(import.meta.dirname, 'run-load-gen.js'),
    [JSON.stringify(args)],
    {},
  );
  const code = await child.exited;
  if (code !== 0) throw new Error(`load generator ${tag} exited ${code}: ${child.output()}`);
  return LoadGenReport.parse(JSON.parse(child.output().trim().split('\n').at(-1) ?? '{}'));
}

/** p99 of the answered requests sent after the warm-up, and how many failed. */
function score(report: LoadGenReport) {
  const first = Math.min(...report.samples.map((s) => s[1]));
  const counted = report.samples.filter((s) => s[1] >= first + WARM_UP_MS);
  const answered = counted.filter((s) => s[2] >= 0 && s[3] === 200);
  return {
    p99: summarizeLatencies(answered.map((s) => s[2])).p99,
    counted: counted.length,
    failures: counted.length - answered.length,
  };
}

/**
 * The slash command at 20/s against the product's bot and, at the same time, against a bare Bolt
 * app that only acks: both see the same machine, so their p99s compare.
 */
export async function runAck(stack: BenchStack): Promise<AckResult> {
  const port = await findFreePort();
  const bare = spawnNode('bare-bolt', join(import.meta.dirname, 'run-bare-bolt.js'), [], {
    PORT: String(port),
    SLACK_SIGNING_SECRET: LOCAL_SIGNING_SECRET,
    SLACK_API_URL: stack.slack.apiUrl,
  });
  try {
    await waitForPort(port, 30_000);
    const [bot, floor] = await Promise.all([
      load(stack.eventsUrl, 'bot'),
      load(`http://127.0.0.1:${port}/slack/events`, 'bare'),
    ]);
    const b = score(bot);
    const f = score(floor);
    return {
      rate: RATE,
      counted: b.counted,
      botP99Ms: b.p99,
      bareP99Ms: f.p99,
      failures: b.failures + f.failures,
    };
  } finally {
    await bare.stop();
  }
}
