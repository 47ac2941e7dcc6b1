import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { DEPLOY_QUEUE } from '../../src/queue/deploy-queue.js';
import { DeployJobData } from '../../src/queue/job-data.js';
import {
  isOp,
  type ReliabilityStack,
  startReliabilityStack,
  tsOf,
} from './support/reliability-stack.js';
import { waitUntil } from './support/wait-until.js';
import { killWorkers, spawnWorker, type WorkerProcess } from './support/worker-process.js';

/** Slow enough that SIGTERM lands inside a step, short against the grace period. */
const LATENCY_MS = 1_500;
const GRACE_MS = 6_000;
const stacks: ReliabilityStack[] = [];
const workers: WorkerProcess[] = [];

afterAll(async () => {
  await killWorkers(workers);
  await Promise.all(stacks.map((s) => s.stop()));
}, 30_000);

async function readJournal(s: ReliabilityStack, deploymentId: string) {
  const connection = new Redis(s.stack.config.REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(DEPLOY_QUEUE, { connection, prefix: s.prefix });
  const job = await queue.getJob(deploymentId);
  const state = await job?.getState();
  await queue.close();
  connection.disconnect();
  return { state, data: DeployJobData.parse(job?.data) };
}

const cases = [
  { label: 'a read-only gate', op: 'eas list-services', createdBeforeStop: false },
  { label: 'create-service', op: 'eas create-service', createdBeforeStop: true },
] as const;

describe.concurrent('SIGTERM to a worker in the middle of a step', () => {
  cases.forEach(({ label, op, createdBeforeStop }, i) => {
    it(`lets ${label} finish, exits 0, and a new worker finishes with one create`, async () => {
      const s = await startReliabilityStack({
        latencyMs: LATENCY_MS,
        env: { EAS_SHUTDOWN_GRACE_MS: String(GRACE_MS) },
      });
      stacks.push(s);
      const name = `sigterm_${i}`;
      const first = spawnWorker(s.workerEnv);
      workers.push(first);
      await s.submit(`V0TERM${i}`, name);
      await waitUntil(async () => (await s.deploymentCalls()).some(isOp(op)), 20_000, op);
      const termAt = Date.now();
      first.kill('SIGTERM');
      expect(await first.exited).toEqual({ code: 0, signal: null });
      // The bound: the running step's latency, well inside the grace period.
      expect(Date.now() - termAt).toBeLessThan(GRACE_MS);

      // It stopped at the step boundary: nothing after the step it was in, the job back in the queue.
      const ops = (await s.deploymentCalls()).map((c) => `${c.argv[0]} ${c.argv[1]}`);
      expect(ops.at(-1) === op || !createdBeforeStop).toBe(true);
      expect(ops).not.toContain('eas describe-service');
      const record = await s.record(name);
      expect(record?.state).toBe('running');
      const { state, data } = await readJournal(s, record?.deploymentId ?? '');
      expect(['waiting', 'delayed', 'wait']).toContain(state);
      expect(data.journal.createAttempted).toBe(createdBeforeStop);
      expect(data.parentTs).toBeDefined();
      expect(data.reportedAt).toBeUndefined();

      const second = spawnWorker(s.workerEnv);
      workers.push(second);
      await waitUntil(
        async () => (await s.record(name))?.state === 'deployed',
        40_000,
        'the deployment to finish on the new worker',
      );
      second.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });
      expect(await s.creates()).toHaveLength(1);
      const parents = s.parents();
      expect(parents).toHaveLength(1);
      const replies = s.threadReplies(tsOf(parents[0] as never)).map((r) => JSON.stringify(r.args));
      expect(replies).toHaveLength(1);
      expect(replies[0]).toContain(`/api/predict/${name}`);
    }, 180_000);
  });
});
