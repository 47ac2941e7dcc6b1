import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
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

  it('keeps the thread of an earlier press of the same form whose job was taken back', async () => {
    const first = await submitDeployment(deps, request('V9', 'U9', 'pressed_again'));
    if (first.status !== 'queued') throw new Error(`not queued: ${first.status}`);
    // A worker had begun it and posted its parent; then the job was taken back (a failover lost
    // its lock) and the person was told to submit again.
    await deps.records.update(first.deploymentId, { parentTs: '1796000000.000100' });
    await queue.remove(first.deploymentId);
    await deps.reservations.release('cn-hangzhou', 'pressed_again', first.deploymentId);
    expect(await submitDeployment(deps, request('V9', 'U9', 'pressed_again'))).toEqual(first);
    const job = await queue.getJob(first.deploymentId);
    expect(job?.data.parentTs).toBe('1796000000.000100');
  });

  it('queues again a form whose name is still held but whose job was taken back', async () => {
    const first = await submitDeployment(deps, request('V10', 'U10', 'hold_outlived'));
    if (first.status !== 'queued') throw new Error(`not queued: ${first.status}`);
    // Taken back after a failover; the release of its name did not reach Redis.
    await queue.remove(first.deploymentId);
    expect(await submitDeployment(deps, request('V10', 'U10', 'hold_outlived'))).toEqual(first);
    expect(await queue.getJob(first.deploymentId)).toBeDefined();
  });

  it('tells a second person at once who is deploying the name', async () => {
    await submitDeployment(deps, request('V3', 'U3', 'contested'));
    expect(await submitDeployment(deps, request('V4', 'U4', 'contested'))).toEqual({
      status: 'name-reserved',
      byUserId: 'U3',
    });
  });

  it('says which step failed when Redis does not answer, logs it with its cause, and queues nothing', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 1,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    dead.on('error', () => {});
    const deadQueue = createDeployQueue(dead, prefix);
    const lines: string[] = [];
    const submitting = submitDeployment(
      {
        queue: deadQueue,
        reservations: createNameReservations(dead, prefix),
        records: createDeploymentRecords(dead, prefix),
        logger: createLogger({ level: 'warn', destination: { write: (l) => lines.push(l) } }),
      },
      request('V5', 'U5', 'redis_down'),
    );
    await expect(submitting).rejects.toThrow(/^could not reserve the name \(.+\)$/);
    expect(lines.join('')).toContain('deployment not queued');
    expect(JSON.parse(lines[0] ?? '{}').err.message).toMatch(/could not reserve the name/);
    await deadQueue.close().catch(() => {});
    dead.disconnect();
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.some((j) => j.data.spec.serviceName === 'redis_down')).toBe(false);
  });

  it('undoes a submission whose Redis answers arrive after the person heard "not queued"', async () => {
    const abandoned = new AbortController();
    const lateReservations = {
      ...deps.reservations,
      // Redis answers, but the person was told "not queued" meanwhile (Slack's budget ran out).
      reserve: async (...args: Parameters<typeof deps.reservations.reserve>) => {
        const answer = await deps.reservations.reserve(...args);
        abandoned.abort();
        return answer;
      },
    };
    await expect(
      submitDeployment(
        { ...deps, reservations: lateReservations },
        request('V6', 'U6', 'late_answer'),
        abandoned.signal,
      ),
    ).rejects.toThrow(/in time/);
    // The name is free again and no job waits: a new request for it is queued.
    const retry = await submitDeployment(deps, request('V7', 'U6', 'late_answer'));
    expect(retry.status).toBe('queued');
    const jobs = await queue.getJobs(['waiting']);
    const late = jobs.filter((j) => j.data.spec.serviceName === 'late_answer');
    expect(late.map((j) => j.id)).toEqual(retry.status === 'queued' ? [retry.deploymentId] : []);
  });
});
