import { afterAll, describe, expect, it } from 'vitest';
import {
  CHANNEL,
  type ReliabilityStack,
  startReliabilityStack,
  tsOf,
} from './support/reliability-stack.js';
import { waitUntil } from './support/wait-until.js';
import { spawnWorker, type WorkerProcess } from './support/worker-process.js';

const stacks: ReliabilityStack[] = [];
const workers: WorkerProcess[] = [];

afterAll(async () => {
  for (const w of workers) w.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
  await Promise.all(stacks.map((s) => s.stop()));
}, 30_000);

async function startWithWorker(): Promise<ReliabilityStack> {
  const s = await startReliabilityStack({ latencyMs: 200 });
  stacks.push(s);
  workers.push(spawnWorker(s.workerEnv));
  return s;
}

const ok = (c: { response?: unknown }) => (c.response as { ok?: boolean } | undefined)?.ok === true;

describe.concurrent('Slack failing', () => {
  it('waits out 429 Retry-After on postMessage and update, and the messages arrive in order', async () => {
    const s = await startWithWorker();
    const slack = s.stack.slack;
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    slack.failNext('chat.update', { status: 429, retryAfterSeconds: 1 });
    await s.submit('V0RATE001', 'rate_limited');
    const parent = await slack.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL && ok(c),
      20_000,
    );
    // The next postMessage is the summary: limit that one too.
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    await waitUntil(
      async () => (await s.record('rate_limited'))?.state === 'deployed',
      30_000,
      'deployed',
    );
    const limited = slack.calls.filter((c) => c.response?.error === 'ratelimited');
    expect(limited.map((c) => c.method).sort()).toEqual([
      'chat.postMessage',
      'chat.postMessage',
      'chat.update',
    ]);
    // Each limited call came again only after its Retry-After.
    for (const refused of limited) {
      const retried = slack.calls.find(
        (c) => c.method === refused.method && c.time > refused.time && ok(c),
      );
      expect(retried).toBeDefined();
      expect((retried?.time ?? 0) - refused.time).toBeGreaterThanOrEqual(950);
    }
    expect(s.parents().filter(ok)).toHaveLength(1);
    const replies = s.threadReplies(tsOf(parent)).filter(ok);
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]?.args)).toContain('/api/predict/rate_limited');
    // In order: the parent, its checklist edits, then the summary in the thread.
    const updates = slack.calls.filter((c) => c.method === 'chat.update' && ok(c));
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) expect(u.time).toBeGreaterThanOrEqual(parent.time);
    expect(replies[0]?.time ?? 0).toBeGreaterThanOrEqual(updates.at(-1)?.time ?? 0);
  }, 180_000);

  for (const error of ['not_in_channel', 'channel_not_found']) {
    it(`tells the requester privately how to invite the bot on ${error}, and still deploys`, async () => {
      const s = await startWithWorker();
      const slack = s.stack.slack;
      slack.failNext('chat.postMessage', { error });
      const name = `no_channel_${error.length}`;
      await s.submit(`V0NOCHAN${error.length}`, name);
      await waitUntil(async () => (await s.record(name))?.state === 'deployed', 30_000, 'deployed');
      const hint = slack.calls.find(
        (c) =>
          c.method === 'chat.postMessage' && JSON.stringify(c.args).includes('/invite @eas-deploy'),
      );
      expect(String(hint?.args.channel)).toMatch(/^D/);
      const summary = await slack.waitFor(
        (c) =>
          c.method === 'chat.postMessage' &&
          String(c.args.channel).startsWith('D') &&
          JSON.stringify(c.args).includes(`/api/predict/${name}`),
        5_000,
      );
      expect(summary).toBeDefined();
      expect(await s.creates()).toHaveLength(1);
    }, 180_000);
  }
});
