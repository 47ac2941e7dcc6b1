import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeployQueue } from '../../src/queue/deploy-queue.js';
import { createDeploymentRecords } from '../../src/queue/deployment-records.js';
import { createNameReservations } from '../../src/queue/name-reservations.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { submitDeployment } from '../../src/queue/submit-deployment.js';
import { aSpec } from '../support/deploy-fixtures.js';
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from '../support/redis.js';

const prefix = uniquePrefix('submit');
const redis = connectRedis();
const producer = createRedisConnection(REDIS_URL, 'producer');
const queue = createDeployQueue(producer, prefix);
const deps = {
  queue,
  reservations: createNameReservations(producer, prefix),
  records: createDeploymentRecords(producer, prefix),
};
const request = (viewId: string, userId = 'U1', serviceName = 'qwen_demo') => ({
  spec: aSpec({ serviceName }),
  requester: { userId, teamId: 'T1' },
  channelId: 'C1',
  viewId,
});

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await deleteKeys(redis, prefix);
  producer.disconnect();
  redis.disconnect();
});

describe('submitting a deployment', () => {
  it('queues one job whose data holds the request and no secret', async () => {
    const answer = await submitDeployment(deps, request('V1'));
    expect(answer.status).toBe('queued');
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.data.spec.serviceName).toBe('qwen_demo');
    expect(jobs[0]?.data.channelId).toBe('C1');
  });

  it('makes one job of the same view submitted twice', async () => {
    const first = await submitDeployment(deps, request('V2', 'U2', 'twice_name'));
    const second = await submitDeployment(deps, request('V2', 'U2', 'twice_name'));
    expect(second).toEqual({
      status: 'already-queued',
      deploymentId: first.status === 'queued' ? first.deploymentId : '',
    });
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.filter((j) => j.data.spec.serviceName === 'twice_name')).toHaveLength(1);
  });

  it('tells a second person at once who is deploying the name', async () => {
    await submitDeployment(deps, request('V3', 'U3', 'contested'));
    expect(await submitDeployment(deps, request('V4', 'U4', 'contested'))).toEqual({
      status: 'name-reserved',
      byUserId: 'U3',
    });
  });

  it('answers "unavailable" at once when Redis does not answer, and queues nothing', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 1,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    dead.on('error', () => {});
    const deadQueue = createDeployQueue(dead, prefix);
    const answer = await submitDeployment(
      {
        queue: deadQueue,
        reservations: createNameReservations(dead, prefix),
        records: createDeploymentRecords(dead, prefix),
        timeoutMs: 1_500,
      },
      request('V5', 'U5', 'redis_down'),
    );
    expect(answer.status).toBe('unavailable');
    await deadQueue.close().catch(() => {});
    dead.disconnect();
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.some((j) => j.data.spec.serviceName === 'redis_down')).toBe(false);
  });

  it('undoes a submission whose Redis answers arrive after the person heard "not queued"', async () => {
    let reserved: Promise<unknown> = Promise.resolve();
    let markReleased = () => {};
    const released = new Promise<void>((resolve) => {
      markReleased = resolve;
    });
    const slowReservations = {
      ...deps.reservations,
      release: async (...args: Parameters<typeof deps.reservations.release>) => {
        await deps.reservations.release(...args);
        markReleased();
      },
      reserve: (...args: Parameters<typeof deps.reservations.reserve>) => {
        // Redis answers, but only after the ack budget has passed.
        reserved = new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
          deps.reservations.reserve(...args),
        );
        return reserved as ReturnType<typeof deps.reservations.reserve>;
      },
    };
    const answer = await submitDeployment(
      { ...deps, reservations: slowReservations, timeoutMs: 50 },
      request('V6', 'U6', 'late_answer'),
    );
    expect(answer.status).toBe('unavailable');
    await reserved;
    await released;
    // The name is free again and no job waits: a new request for it is queued.
    const retry = await submitDeployment(deps, request('V7', 'U6', 'late_answer'));
    expect(retry.status).toBe('queued');
    const jobs = await queue.getJobs(['waiting']);
    const late = jobs.filter((j) => j.data.spec.serviceName === 'late_answer');
    expect(late.map((j) => j.id)).toEqual(retry.status === 'queued' ? [retry.deploymentId] : []);
  });
});
