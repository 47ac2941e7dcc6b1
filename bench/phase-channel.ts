import type { BenchStack } from './bench-stack.js';
import {
  type BenchDeployment,
  type SeenDeployment,
  submitDeployment,
  waitForDeployments,
} from './deployment-driver.js';
import { readCliSpans } from './timed-cli.js';

const COUNT = 20;
const CHANNEL = 'C0BENCH20';

export interface ChannelResult {
  readonly deployments: number;
  /** Submission of the first → the last summary posted. */
  readonly seconds: number;
  readonly summaries: number;
  /** 429s the stand-in answered (Slack's limits on). */
  readonly slack429: number;
  /** Deployments whose parent message's last accepted edit is not its final state. */
  readonly finalsShed: number;
}

/**
 * Resolves once every deployment of the channel has read its endpoints (its CLI work, the CPU-heavy
 * part, is over; what is left is paced by Slack's limits), or after timeoutMs.
 */
export async function waitForChannelCli(stack: BenchStack, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const done = async () =>
    (await readCliSpans(stack.cli.timesPath)).filter(
      (s) => s.op === 'eas describe-service-endpoints' && s.tag.startsWith('d-'),
    ).length >= COUNT;
  while (!(await done()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const finalText = (d: BenchDeployment) => `✓ Deployed \`${d.name}\` to ${d.region}`;

/** Twenty deployments in one channel at once, each by its own person, with the stand-in's limits on. */
export async function runChannelTwenty(stack: BenchStack): Promise<ChannelResult> {
  const wanted: BenchDeployment[] = Array.from({ length: COUNT }, (_, i) => ({
    name: `bench_ch20_${String(i).padStart(2, '0')}`,
    region: 'cn-hangzhou',
    channel: CHANNEL,
    userId: `U0BENCH${String(i).padStart(2, '0')}`,
  }));
  const startedAt = Date.now();
  const acks = await Promise.all(wanted.map((d) => submitDeployment(stack.eventsUrl, d)));
  const refused = acks.filter((a) => a.status !== 200).length;
  if (refused > 0) throw new Error(`${refused} of the channel's submissions were refused`);
  const finalOf = (seen: Map<string, SeenDeployment>, d: BenchDeployment) =>
    seen.get(d.name)?.lastEdit === finalText(d);
  const summarized = await waitForDeployments(
    stack.slack,
    wanted,
    (seen) => wanted.every((d) => seen.get(d.name)?.summaryAt !== undefined),
    100_000,
  );
  const times = [...summarized.values()].flatMap((s) => (s.summaryAt ? [s.summaryAt] : []));
  // The final edits are paced by the same budget: give them a little longer to land.
  const settled = await waitForDeployments(
    stack.slack,
    wanted,
    (seen) => wanted.every((d) => finalOf(seen, d)),
    20_000,
  );
  return {
    deployments: COUNT,
    seconds: (Math.max(startedAt, ...times) - startedAt) / 1000,
    summaries: times.length,
    slack429: stack.slack.rateLimited.length,
    finalsShed: wanted.filter((d) => !finalOf(settled, d)).length,
  };
}
