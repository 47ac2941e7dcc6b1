import { QueueEvents } from 'bullmq';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { CliRunner } from '../../src/aliyun/cli-runner.js';
import { createLogger } from '../../src/logger.js';
import { createDeployQueue } from '../../src/queue/deploy-queue.js';
import { startDeployWorker } from '../../src/queue/deploy-worker.js';
import { createDeploymentRecords } from '../../src/queue/deployment-records.js';
import { createNameReservations } from '../../src/queue/name-reservations.js';
import { createDeploymentProcessor } from '../../src/queue/process-deployment.js';
import type { RunDeployment } from '../../src/queue/processor-deps.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { createRegionSlots } from '../../src/queue/region-slots.js';
import { submitDeployment } from '../../src/queue/submit-deployment.js';
import { aDeployedOutcome, aSpec } from '../support/deploy-fixtures.js';
import { createRecordingReporter } from '../support/recording-reporter.js';
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from '../support/redis.js';

const prefix = uniquePrefix('worker');
const redis = connectRedis();
const producer = createRedisConnection(REDIS_URL, 'producer');
const consumer = createRedisConnection(REDIS_URL, 'worker');
const queue = createDeployQueue(producer, prefix);
const events = new QueueEvents('deployments', {
  connection: createRedisConnection(REDIS_URL, 'worker'),
  prefix,
});
const reservations = createNameReservations(producer, prefix);
const records = createDeploymentRecords(producer, prefix);
const reporter = createRecordingReporter();
const noCli: CliRunner = {
  run: async () => Promise.reject(new Error('the stub engine runs no CLI')),
};
let engine: RunDeployment = async () => aDeployedOutcome();
/** What the deployment had told the thread when it asked for the serving watch. */
const watched: { deploymentId: string; reportedBefore: string[] }[] = [];
const worker = startDeployWorker({
  connection: consumer,
  prefix,
  concurrency: 2,
  logger: createLogger({ level: 'silent' }),
  processor: createDeploymentProcessor({
    cli: noCli,
    runDeployment: (spec, ctx) => engine(spec, ctx),
    reporter,
    records,
    reservations,
    slots: createRegionSlots(producer, prefix, 4),
    logger: createLogger({ level: 'silent' }),
    watch: async (data) => {
      const mine = reporter.reports.filter((r) => r.address.deploymentId === data.deploymentId);
      watched.push({ deploymentId: data.deploymentId, reportedBefore: mine.map((r) => r.kind) });
    },
  }),
});

afterAll(async () => {
  await worker.close();
  await events.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await deleteKeys(redis, prefix);
  for (const c of [producer, consumer, redis]) c.disconnect();
});

const submit = async (viewId: string, serviceName: string) => {
  const answer = await submitDeployment(
    { queue, reservations, records },
    { spec: aSpec({ serviceName }), requester: { userId: 'U1' }, channelId: 'C1', viewId },
  );
  if (answer.status !== 'queued') throw new Error(`not queued: ${answer.status}`);
  const job = await queue.getJob(answer.deploymentId);
  if (!job) throw new Error('job missing');
  await job.waitUntilFinished(events, 10_000).catch(() => {});
  return answer.deploymentId;
};

describe('the deployment worker', () => {
  it('posts the parent, then the result in its thread, and hands the token only to the reporter', async () => {
    const id = await submit('VW1', 'worker_ok');
    const mine = reporter.reports.filter((r) => r.address.deploymentId === id);
    expect(mine.map((r) => r.kind)).toEqual(['start', 'finish']);
    expect(mine[1]?.address.parentTs).toBeDefined();
    expect(mine[1]?.accessToken).toBe('TOKEN-abc123');
    const job = await queue.getJob(id);
    expect(JSON.stringify(job?.data)).not.toContain('TOKEN-abc123');
    expect(JSON.stringify(job?.returnvalue)).not.toContain('TOKEN-abc123');
    expect((await records.get(id))?.state).toBe('deployed');
  });

  it('asks for the serving watch only once the result is in the thread', async () => {
    const id = await submit('VW4', 'worker_watch');
    expect(watched.filter((w) => w.deploymentId === id)).toEqual([
      { deploymentId: id, reportedBefore: ['start', 'finish'] },
    ]);
  });

  it('frees the name once the deployment has ended', async () => {
    await submit('VW2', 'worker_free');
    expect(
      (
        await reservations.reserve('cn-hangzhou', 'worker_free', {
          deploymentId: 'd-next',
          userId: 'U9',
        })
      ).ok,
    ).toBe(true);
  });

  it('ends in a message in the thread even when the engine throws on every attempt', async () => {
    engine = async () => {
      throw new Error('boom');
    };
    const answer = await submitDeployment(
      { queue, reservations, records },
      {
        spec: aSpec({ serviceName: 'worker_boom' }),
        requester: { userId: 'U1' },
        channelId: 'C1',
        viewId: 'VW3',
      },
    );
    if (answer.status !== 'queued') throw new Error('not queued');
    // Later attempts wait out the exponential backoff; promote them so the test stays short.
    await vi.waitFor(
      async () => {
        const job = await queue.getJob(answer.deploymentId);
        const state = await job?.getState();
        if (state === 'delayed') await job?.promote();
        expect(state).toBe('failed');
      },
      { timeout: 30_000, interval: 50 },
    );
    const finishes = reporter.reports.filter(
      (r) => r.address.deploymentId === answer.deploymentId && r.kind === 'finish',
    );
    expect(finishes).toHaveLength(1);
    expect(finishes[0]?.result?.result).toBe('failed');
    engine = async () => aDeployedOutcome();
  });
});
