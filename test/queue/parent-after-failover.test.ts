import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../sim/slack/slack-standin.js';
import { type SlackStandIn, startSlackStandIn } from '../../sim/slack/slack-standin.js';
import type { CliRunner } from '../../src/aliyun/cli-runner.js';
import { createLogger } from '../../src/logger.js';
import { createDeployQueue } from '../../src/queue/deploy-queue.js';
import { startDeployWorker } from '../../src/queue/deploy-worker.js';
import { createDeploymentRecords } from '../../src/queue/deployment-records.js';
import type { DeploymentReporter } from '../../src/queue/deployment-reporter.js';
import type { JobFence } from '../../src/queue/fence-job.js';
import type { DeployJobData } from '../../src/queue/job-data.js';
import { createNameReservations } from '../../src/queue/name-reservations.js';
import { createDeploymentProcessor } from '../../src/queue/process-deployment.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { createRegionSlots } from '../../src/queue/region-slots.js';
import { submitDeployment } from '../../src/queue/submit-deployment.js';
import { createSlackReporter } from '../../src/report/slack-reporter.js';
import { aDeployedOutcome, aSpec } from '../support/deploy-fixtures.js';
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from '../support/redis.js';
import { createTestOutbox } from '../support/test-outbox.js';

/**
 * Issue 23: a failover that loses the write recording the parent's ts must not make the next run
 * post a second parent. The fence here plays that failover: once the ts is saved it puts the job
 * back to its marker-only state (the marker was on a replica, the ts was not) and answers
 * `not-replicated`; the next run is another worker's (a fresh reporter, nothing in memory).
 */
const prefix = uniquePrefix('parent');
const channelId = 'C0FAILOVER';
const redis = connectRedis();
const producer = createRedisConnection(REDIS_URL, 'producer');
const queue = createDeployQueue(producer, prefix);
const reservations = createNameReservations(producer, prefix);
const records = createDeploymentRecords(producer, prefix);
const noCli: CliRunner = { run: async () => Promise.reject(new Error('no CLI in this test')) };
let standIn: SlackStandIn;
let current: DeploymentReporter;
let nextWorkerReporter: () => DeploymentReporter;
let loseParentTsOf: string | undefined;

const fence: JobFence = async (job: Job) => {
  const data = job.data as DeployJobData;
  if (data.deploymentId !== loseParentTsOf || !data.parentTs) return 'held';
  loseParentTsOf = undefined;
  const { parentTs: _lost, ...markerOnly } = data;
  await job.updateData(markerOnly);
  current = nextWorkerReporter();
  return 'not-replicated';
};
const reporter: DeploymentReporter = {
  start: (a) => current.start(a),
  findStart: (a, since) => current.findStart(a, since),
  progress: (a, steps) => current.progress(a, steps),
  finish: (a, r, token, onPosted) => current.finish(a, r, token, onPosted),
  status: (a, s) => current.status(a, s),
  serving: (a, r, s) => current.serving(a, r, s),
};
let worker: ReturnType<typeof startDeployWorker>;

beforeAll(async () => {
  standIn = await startSlackStandIn();
  const outbox = createTestOutbox(standIn);
  nextWorkerReporter = () => createSlackReporter({ outbox, tokenDelivery: 'ephemeral' });
  current = nextWorkerReporter();
  worker = startDeployWorker({
    connection: createRedisConnection(REDIS_URL, 'worker'),
    prefix,
    concurrency: 1,
    logger: createLogger({ level: 'silent' }),
    processor: createDeploymentProcessor({
      cli: noCli,
      runDeployment: async (spec) => aDeployedOutcome(spec.serviceName),
      reporter,
      records,
      reservations,
      slots: createRegionSlots(producer, prefix, 4),
      logger: createLogger({ level: 'silent' }),
      fence,
      slotRetryMs: 20,
    }),
  });
});
afterAll(async () => {
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await deleteKeys(redis, prefix);
  for (const c of [producer, redis]) c.disconnect();
  await standIn.close();
});

const submit = async (viewId: string, serviceName: string) => {
  const answer = await submitDeployment(
    { queue, reservations, records },
    { spec: aSpec({ serviceName }), requester: { userId: 'U0ASKER' }, channelId, viewId },
  );
  if (answer.status !== 'queued') throw new Error(`not queued: ${answer.status}`);
  return answer.deploymentId;
};
const parentsOf = (id: string) =>
  standIn.calls.filter(
    (c) =>
      c.method === 'chat.postMessage' &&
      !c.args.thread_ts &&
      (c.args.metadata as { event_payload?: { deployment_id?: string } } | undefined)?.event_payload
        ?.deployment_id === id,
  );
const tsOf = (call: RecordedCall | undefined) => (call?.response as { ts?: string })?.ts;
const summaryIn = (threadTs: string | undefined, name: string) =>
  standIn.waitFor(
    (c) =>
      c.method === 'chat.postMessage' &&
      c.args.thread_ts === threadTs &&
      String(c.args.text).startsWith(`\`${name}\` is `),
    15_000,
  );
const historyCalls = () => standIn.calls.filter((c) => c.method === 'conversations.history');

describe('the parent message across a failover that lost its ts', () => {
  it('posts it once, with its metadata, after the marker is on the job, and asks Slack nothing more', async () => {
    const before = historyCalls().length;
    const held = standIn.holdNext('chat.postMessage', (c) => !c.args.thread_ts, {
      beforeEffect: true,
    });
    const id = await submit('VWPLAIN', 'parent_plain');
    await held.arrived;
    // The marker reached Redis (and, in production, a replica) before anything reached Slack.
    expect((await queue.getJob(id))?.data).toMatchObject({ parentPending: true });
    expect((await queue.getJob(id))?.data.parentTs).toBeUndefined();
    held.release();
    const parent = tsOf(await standIn.waitFor((c) => parentsOf(id).includes(c), 10_000));
    await summaryIn(parent, 'parent_plain');
    expect(parentsOf(id)).toHaveLength(1);
    expect(historyCalls().length).toBe(before);
  });

  it('finds the first parent by its metadata and puts the summary in its thread', async () => {
    const id = await submit('VWLOST', 'parent_lost');
    loseParentTsOf = id;
    const first = await standIn.waitFor((c) => parentsOf(id).includes(c), 10_000);
    const parent = tsOf(first);
    await summaryIn(parent, 'parent_lost');
    expect(loseParentTsOf).toBeUndefined();
    expect(parentsOf(id)).toHaveLength(1);
    const lookups = historyCalls().filter((c) => c.args.channel === channelId);
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.args).toMatchObject({ include_all_metadata: 'true' });
    expect((await queue.getJob(id))?.data.parentTs).toBe(parent);
  });
});
