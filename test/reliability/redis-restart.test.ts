import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeployQueue } from '../../src/queue/deploy-queue.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { uniquePrefix } from '../support/redis.js';
import { type PrivateRedis, startPrivateRedis } from './support/private-redis.js';
import {
  isOp,
  type ReliabilityStack,
  startReliabilityStack,
  tsOf,
} from './support/reliability-stack.js';
import { waitUntil } from './support/wait-until.js';
import { killWorkers, spawnWorker, type WorkerProcess } from './support/worker-process.js';

let redis: PrivateRedis;
const stacks: ReliabilityStack[] = [];
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  redis = await startPrivateRedis();
});
afterAll(async () => {
  await killWorkers(workers);
  await Promise.all(stacks.map((s) => s.stop()));
  await redis?.destroy();
}, 30_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One summary in the thread of one parent, for each of these services. */
function expectOneSummaryEach(s: ReliabilityStack, names: readonly string[]): void {
  const parents = s.parents();
  expect(parents).toHaveLength(names.length);
  for (const name of names) {
    const parent = parents.find((p) => JSON.stringify(p.args).includes(name));
    expect(parent).toBeDefined();
    const replies = s.threadReplies(tsOf(parent as never)).map((r) => JSON.stringify(r.args));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(`/api/predict/${name}`);
  }
}

describe('Redis restarts', () => {
  it('loses no queued deployment across a Redis restart with the append-only file on', async () => {
    const s = await startReliabilityStack({ redisUrl: redis.url });
    stacks.push(s);
    const names = ['persist_a', 'persist_b', 'persist_c'];
    for (const [i, name] of names.entries()) {
      const answer = await s.submit(`V0PERSIST${i}`, name);
      expect(answer.status).toBe(200);
      expect(answer.text).toBe('');
    }
    await redis.shutdown();
    await redis.restart();
    const worker = spawnWorker(s.workerEnv);
    workers.push(worker);
    for (const name of names) {
      await waitUntil(
        async () => (await s.record(name))?.state === 'deployed',
        30_000,
        `${name} to be deployed`,
      );
    }
    expect(await s.creates()).toHaveLength(3);
    expectOneSummaryEach(s, names);
    worker.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('answers a submission at once with "not queued" while Redis is down, and queues nothing', async () => {
    const s = await startReliabilityStack({ redisUrl: redis.url });
    stacks.push(s);
    await redis.shutdown();
    const startedAt = Date.now();
    const answer = await s.submit('V0REDISDOWN', 'while_down');
    const tookMs = Date.now() - startedAt;
    await redis.restart();
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Not queued');
    // Inside Slack's 3 s for the ack (a bound, not a benchmark).
    expect(tookMs).toBeLessThan(3_000);
    const worker = spawnWorker({ ...s.workerEnv, LOG_LEVEL: 'info' });
    workers.push(worker);
    // A worker is up and taking jobs: had anything been queued, it would now be on its way.
    await waitUntil(() => worker.stdout().includes('eas-deploy started'), 20_000, 'the worker');
    expect(await s.record('while_down')).toBeUndefined();
    expect(s.parents()).toHaveLength(0);
    // The same name can be asked for again: nothing was left reserved.
    // The person tries again until the bot's connection is back (its reconnect backs off up to 2 s).
    let tries = 0;
    await waitUntil(
      async () => {
        const a = await s.submit(`V0REDISUP${tries++}`, 'while_down');
        return a.text === '';
      },
      20_000,
      'a submission to be queued again',
      250,
    );
    await waitUntil(
      async () => (await s.record('while_down'))?.state === 'deployed',
      30_000,
      'the retried deployment',
    );
    worker.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('queues once Redis is back when the bot started while Redis was down', async () => {
    await redis.shutdown();
    const producer = createRedisConnection(redis.url, 'producer');
    const queue = createDeployQueue(producer, uniquePrefix('late-redis'));
    await expect(queue.getJobCounts()).rejects.toThrow();
    await redis.restart();
    await waitUntil(
      () =>
        queue.getJobCounts().then(
          () => true,
          () => false,
        ),
      10_000,
      'the queue to answer',
      100,
    );
    await queue.obliterate({ force: true });
    await queue.close();
    producer.disconnect();
  });

  it('finishes a running deployment when Redis goes away under the worker for two seconds', async () => {
    // Production lock settings: a 2 s outage must not look like a dead worker.
    const s = await startReliabilityStack({
      redisUrl: redis.url,
      latencyMs: 400,
      env: { EAS_LOCK_DURATION_MS: '', EAS_STALLED_INTERVAL_MS: '' },
    });
    stacks.push(s);
    const worker = spawnWorker(s.workerEnv);
    workers.push(worker);
    await s.submit('V0OUTAGE1', 'outage_a');
    await waitUntil(
      async () => (await s.deploymentCalls()).some(isOp('eas create-service')),
      20_000,
      'create-service',
    );
    // The outage itself: two seconds without Redis.
    await redis.shutdown();
    await sleep(2_000);
    await redis.restart();
    await waitUntil(
      async () => (await s.record('outage_a'))?.state === 'deployed',
      30_000,
      'the deployment to finish after the outage',
    );
    expect(await s.creates()).toHaveLength(1);
    expectOneSummaryEach(s, ['outage_a']);
    worker.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  }, 180_000);
});
