import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../sim/slack/slack-standin.js';
import {
  type ReliabilityStack,
  startReliabilityStack,
  tsOf,
} from '../reliability/support/reliability-stack.js';
import {
  killWorkers,
  spawnWorker,
  type WorkerProcess,
} from '../reliability/support/worker-process.js';

/**
 * Twenty deployments in one channel at once, with Slack's rules on (the stand-in's defaults: Block
 * Kit limits, Tier 3 chat.update, one post a second per channel after a short burst): the real
 * Bolt app over signed HTTP, two worker processes sharing one Slack budget in Redis, the simulator.
 */
const COUNT = 20;
const CHANNEL = 'C0DEPLOY';
const names = Array.from({ length: COUNT }, (_, i) => `chan20_${String(i).padStart(2, '0')}`);
const users = names.map((_, i) => `U0DEV${String(i).padStart(2, '0')}`);
const ok = (c: RecordedCall) => c.response?.ok === true;
const text = (c: RecordedCall) => JSON.stringify(c.args);

let s: ReliabilityStack;
let workers: WorkerProcess[];
beforeAll(async () => {
  // Regions are not what this test studies: every deployment may run at once.
  s = await startReliabilityStack({ env: { EAS_REGION_CONCURRENCY: '20' } });
  workers = [0, 1].map(() => spawnWorker({ ...s.workerEnv, EAS_WORKER_CONCURRENCY: '10' }));
});
afterAll(async () => {
  await killWorkers(workers);
  await s.stop();
});

describe('twenty deployments in one channel at once', () => {
  it('ends every one with its summary in its thread, its token in private and its final state, within Slack’s limits', async () => {
    const started = Date.now();
    const answers = await Promise.all(
      names.map((name, i) => s.submit(`V0CHAN20${String(i).padStart(2, '0')}`, name, users[i])),
    );
    expect(answers.map((a) => a.status)).toEqual(names.map(() => 200));
    const calls = s.stack.slack.calls;
    const parentOf = (name: string) =>
      calls.find(
        (c) =>
          c.method === 'chat.postMessage' &&
          ok(c) &&
          c.args.channel === CHANNEL &&
          !c.args.thread_ts &&
          text(c).includes(`\`${name}\``),
      );
    const summaryOf = (ts: string) =>
      calls.find(
        (c) =>
          c.method === 'chat.postMessage' &&
          ok(c) &&
          c.args.thread_ts === ts &&
          text(c).includes('Deployment summary'),
      );
    const summarized = () =>
      names.filter((n) => {
        const p = parentOf(n);
        return p && summaryOf(tsOf(p));
      });
    await expect
      // A hang guard: about 45 s on a quiet machine, several minutes beside another suite.
      .poll(() => summarized().length, { timeout: 540_000, interval: 1_000 })
      .toBe(COUNT)
      .catch((error: unknown) => {
        // Say where each missing one stopped, and how the workers are, not only a count.
        const missing = names.filter((n) => !summarized().includes(n));
        const lastWord = (n: string) => {
          const p = parentOf(n);
          const edits = p
            ? calls.filter((c) => c.method === 'chat.update' && ok(c) && c.args.ts === tsOf(p))
            : [];
          return `${n}: ${p ? (edits.at(-1)?.args.text ?? text(p)) : 'no parent'}`;
        };
        const health = workers.map(
          (w, i) => `worker ${i}: exit ${w.child.exitCode ?? '-'} ${w.stderr().slice(-400)}`,
        );
        throw new Error([String(error), ...missing.map(lastWord), ...health].join('\n'));
      });

    for (const [i, name] of names.entries()) {
      const parent = parentOf(name);
      if (!parent) throw new Error(`no parent for ${name}`);
      const ts = tsOf(parent);
      // The token goes to its requester alone (ephemeral in the thread or a direct message), after
      // the summary: in a busy channel it waits its turn in Slack's budget.
      const mine = () =>
        calls.filter(
          (c) =>
            ok(c) &&
            text(c).includes('AccessToken for') &&
            text(c).includes(`\`${name}\``) &&
            ((c.method === 'chat.postEphemeral' && c.args.user === users[i]) ||
              c.args.channel === `D${users[i]?.slice(1)}`),
        ).length;
      await expect.poll(mine, { message: `token of ${name}` }).toBeGreaterThan(0);
      // The parent's last accepted edit is its final state.
      await expect
        .poll(
          () =>
            calls.filter((c) => c.method === 'chat.update' && ok(c) && c.args.ts === ts).at(-1)
              ?.args.text,
          {
            timeout: 30_000,
          },
        )
        .toBe(`✓ Deployed \`${name}\` to cn-hangzhou`);
    }
    const limited = s.stack.slack.rateLimited;
    const edits = calls.filter((c) => c.method === 'chat.update' && ok(c)).length;
    console.info(
      `twenty deployments in one channel: ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
        `${limited.length} Slack 429s, ${edits} chat.update calls`,
    );
    // Every 429 is a call Slack would not have tolerated: the budget allows none.
    expect(limited.map((c) => `${c.method} ${String(c.args.channel)}`)).toEqual([]);
  }, 600_000);
});
