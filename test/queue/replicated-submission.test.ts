import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { confirmReplicated } from '../../src/queue/confirm-replicated.js';
import { createDeployQueue, DEPLOY_QUEUE } from '../../src/queue/deploy-queue.js';
import { createDeploymentRecords } from '../../src/queue/deployment-records.js';
import { createJobFence } from '../../src/queue/fence-job.js';
import { createNameReservations } from '../../src/queue/name-reservations.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import type { SubmitAnswer } from '../../src/queue/submission.js';
import { createSubmissionLock } from '../../src/queue/submission-lock.js';
import { submitDeployment } from '../../src/queue/submit-deployment.js';
import { aSpec } from '../support/deploy-fixtures.js';
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from '../support/redis.js';

// The shared test server has no replica: WAIT 1 can never be satisfied there, WAIT 0 always is.
const NO_REPLICA_YET = { replicas: 1, timeoutMs: 50 };
const NONE_NEEDED = { replicas: 0, timeoutMs: 50 };

const prefix = uniquePrefix('replicated');
const redis = connectRedis();
const producer = createRedisConnection(REDIS_URL, 'producer');
const queue = createDeployQueue(producer, prefix);
const records = createDeploymentRecords(producer, prefix);
const reservations = createNameReservations(producer, prefix);
const request = (viewId: string, serviceName: string) => ({
  spec: aSpec({ serviceName }),
  requester: { userId: 'U1', teamId: 'T1' },
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

describe('a submission no replica confirmed', () => {
  it('is taken back and the person is told to submit again', async () => {
    const submitted = submitDeployment(
      {
        queue,
        reservations,
        records,
        confirmReplicated: async () =>
          (await confirmReplicated(producer, prefix, NO_REPLICA_YET)).replicated,
      },
      request('V1', 'unconfirmed'),
    );
    await expect(submitted).rejects.toMatchObject({
      message: expect.stringMatching(/could not confirm your request on a second Redis server/),
      advice: expect.stringMatching(/submit again in a few seconds/),
    });
    expect(await queue.getJobCounts('waiting', 'delayed', 'active')).toEqual({
      waiting: 0,
      delayed: 0,
      active: 0,
    });
    // The name is free for the next press.
    const hold = await reservations.reserve('cn-hangzhou', 'unconfirmed', {
      deploymentId: 'x',
      userId: 'U2',
    });
    expect(hold.ok).toBe(true);
  });

  it('is queued when the replicas asked for confirm it (none needed here)', async () => {
    const answer = await submitDeployment(
      {
        queue,
        reservations,
        records,
        confirmReplicated: async () =>
          (await confirmReplicated(producer, prefix, NONE_NEEDED)).replicated,
      },
      request('V2', 'confirmed'),
    );
    expect(answer.status).toBe('queued');
  });
});

describe('pressing Deploy again while the first press is still being answered', () => {
  it('never acknowledges a job the first press then takes back', async () => {
    const lock = createSubmissionLock(producer, prefix);
    const abandon = new AbortController();
    let second: Promise<SubmitAnswer> | undefined;
    const slowRecords = {
      ...records,
      save: async (...args: Parameters<typeof records.save>) => {
        // Slack's budget ran out: the person heard "not queued" and presses Deploy again at once
        // (through another bot, say), while the first press's Redis answer is still on its way.
        abandon.abort();
        second ??= submitDeployment(
          { queue, reservations, records, lock },
          request('V3', 'pressed_twice'),
        );
        await new Promise((resolve) => setTimeout(resolve, 400));
        return records.save(...args);
      },
    };
    const first = submitDeployment(
      { queue, reservations, lock, records: slowRecords },
      request('V3', 'pressed_twice'),
      abandon.signal,
    );
    await expect(first).rejects.toThrow();
    const answer = await second;
    expect(answer?.status).toBe('queued');
    expect(answer?.status === 'queued' && (await queue.getJob(answer.deploymentId))).toBeTruthy();
  });
});

describe('the fence a worker passes before a step that must not happen twice', () => {
  it('holds for the worker whose token is on the lock, and not for another', async () => {
    const job = await new Queue(DEPLOY_QUEUE, { connection: redis, prefix }).add(
      'deploy',
      {},
      { jobId: 'd-fence' },
    );
    await redis.set(`${prefix}:${DEPLOY_QUEUE}:d-fence:lock`, 'token-a', 'PX', 30_000);
    const fence = createJobFence({ store: producer, prefix, policy: NONE_NEEDED });
    expect(await fence(job, 'token-a')).toBe('held');
    expect(await fence(job, 'token-b')).toBe('lost');
    const strict = createJobFence({ store: producer, prefix, policy: NO_REPLICA_YET });
    expect(await strict(job, 'token-a')).toBe('not-replicated');
  });
});
