import { afterAll, describe, expect, it } from 'vitest';
import type { HeldCall } from '../../sim/slack/slack-standin.js';
import { type ReliabilityStack, startReliabilityStack, tsOf } from './support/reliability-stack.js';
import { waitUntil } from './support/wait-until.js';
import { killWorkers, spawnWorker, type WorkerProcess } from './support/worker-process.js';

/** Every simulated call sleeps this long after it took effect, so a kill lands between calls. */
const LATENCY_MS = 300;
const stacks: ReliabilityStack[] = [];
const workers: WorkerProcess[] = [];

afterAll(async () => {
  await killWorkers(workers);
  await Promise.all(stacks.map((s) => s.stop()));
}, 30_000);

/**
 * Where the kill lands: once the deployment's `calls`-th CLI call is in the simulator's log (it has
 * taken effect), plus `afterMs`. 0 kills while that call is still answering; LATENCY_MS + a little
 * kills right after it returned, before or while the worker saves what it learned.
 */
interface Boundary {
  readonly label: string;
  readonly calls: number;
  readonly afterMs: number;
  /** Instead of a delay: kill while the summary post is on its way, before Slack got it. */
  readonly onSummaryPost?: boolean;
}

// A shared-gateway deployment makes 7 calls in 3 rounds: 4 read-only gates at once, create, then
// describe-service and its endpoints at once (so no boundary lies between those two).
const BOUNDARIES: Boundary[] = [
  { label: 'while the gates run', calls: 1, afterMs: 0 },
  { label: 'right after the gates returned', calls: 4, afterMs: LATENCY_MS + 20 },
  { label: 'while create-service is answering (the service exists)', calls: 5, afterMs: 0 },
  { label: 'just before create-service returns', calls: 5, afterMs: LATENCY_MS - 30 },
  { label: 'right after create-service returned', calls: 5, afterMs: LATENCY_MS + 10 },
  { label: 'after create-service returned and was journaled', calls: 5, afterMs: LATENCY_MS + 60 },
  { label: 'while describe-service is answering', calls: 6, afterMs: 0 },
  { label: 'while describe-service-endpoints is answering', calls: 7, afterMs: 0 },
  {
    label: 'right after describe-service-endpoints returned',
    calls: 7,
    afterMs: 0,
    onSummaryPost: true,
  },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const BATCH = 3;
const batches = Array.from({ length: Math.ceil(BOUNDARIES.length / BATCH) }, (_, b) =>
  BOUNDARIES.slice(b * BATCH, b * BATCH + BATCH).map((boundary, j) => ({
    boundary,
    i: b * BATCH + j,
  })),
);

// Three boundaries at a time (each runs two worker processes and the simulator), batch after batch.
describe.each(batches.map((batch, b) => ({ b, batch })))(
  'a worker SIGKILLed at a step boundary (batch $b)',
  ({ batch }) => {
    describe.concurrent('three at a time', () => {
      batch.forEach(({ boundary, i }) => {
        it(`creates once and reports once when killed ${boundary.label}`, async () => {
          const s = await startReliabilityStack({ latencyMs: LATENCY_MS });
          stacks.push(s);
          const name = `kill_at_${i}`;
          const first = spawnWorker(s.workerEnv);
          workers.push(first);
          await s.submit(`V0KILL${String(i).padStart(3, '0')}`, name);
          await waitUntil(
            async () => (await s.deploymentCalls()).length >= boundary.calls,
            20_000,
            `call ${boundary.calls}`,
          );
          if (boundary.afterMs > 0) await sleep(boundary.afterMs);
          let held: HeldCall | undefined;
          if (boundary.onSummaryPost) {
            // The summary post is held before Slack takes it while the kill lands, and then never
            // reaches Slack (a kill after Slack took it is the README's one leftover window).
            const summary = (c: { method: string; args: Record<string, unknown> }) =>
              c.method === 'chat.postMessage' && typeof c.args.thread_ts === 'string';
            held = s.stack.slack.holdNext('chat.postMessage', summary, { beforeEffect: true });
            // Already posted before the hold was set (a very slow poll): kill at once, as before.
            if (s.stack.slack.calls.some(summary)) held.release();
            else await held.arrived;
          }
          first.kill('SIGKILL');
          expect((await first.exited).signal).toBe('SIGKILL');
          held?.drop();
          const callsAtKill = (await s.deploymentCalls()).length;
          // The kill must land inside the deployment, not after it (or the boundary tests nothing).
          expect((await s.record(name))?.state).not.toBe('deployed');

          const second = spawnWorker(s.workerEnv);
          workers.push(second);
          await waitUntil(
            async () => (await s.record(name))?.state === 'deployed',
            30_000,
            'the deployment record to say deployed',
          );
          second.kill('SIGTERM');
          expect(await second.exited).toEqual({ code: 0, signal: null });

          expect(await s.creates()).toHaveLength(1);
          const parents = s.parents();
          expect(parents).toHaveLength(1);
          const replies = s.threadReplies(tsOf(parents[0] as never));
          const texts = replies.map((r) => JSON.stringify(r.args));
          expect(texts, texts.join('\n')).toHaveLength(1);
          expect(texts[0]).toContain(`/api/predict/${name}`);
          expect(texts.join()).not.toMatch(/already exists/);
          expect(callsAtKill).toBeGreaterThanOrEqual(boundary.calls);
        }, 180_000);
      });
    });
  },
);
