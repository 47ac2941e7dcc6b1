import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CliRunner } from '../../src/aliyun/cli-runner.js';
import type { StepRecord } from '../../src/deploy/outcome.js';
import { createLogger } from '../../src/logger.js';
import { createDeployQueue } from '../../src/queue/deploy-queue.js';
import { type DeploymentProcessor, startDeployWorker } from '../../src/queue/deploy-worker.js';
import { createDeploymentRecords } from '../../src/queue/deployment-records.js';
import { createNameReservations } from '../../src/queue/name-reservations.js';
import { createDeploymentProcessor } from '../../src/queue/process-deployment.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { createRegionSlots } from '../../src/queue/region-slots.js';
import { submitDeployment } from '../../src/queue/submit-deployment.js';
import { watchStalledFailures } from '../../src/queue/watch-stalled-failures.js';
import { createAuditLog } from '../../src/security/audit-log.js';
import { waitUntil } from '../reliability/support/wait-until.js';
import { aSpec } from '../support/deploy-fixtures.js';
import { createRecordingReporter } from '../support/recording-reporter.js';
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from '../support/redis.js';

const REGION = 'cn-hangzhou';
const prefix = uniquePrefix('stalled');
const redis = connectRedis();
const producer = createRedisConnection(REDIS_URL, 'producer');
const store = createRedisConnection(REDIS_URL, 'worker');
const consumer = createRedisConnection(REDIS_URL, 'worker');
const queue = createDeployQueue(producer, prefix);
const reservations = createNameReservations(producer, prefix);
const records = createDeploymentRecords(producer, prefix);
const slots = createRegionSlots(producer, prefix, 4);
const silent = createLogger({ level: 'silent' });
const audit = createAuditLog({ redis: producer, prefix, logger: silent, maxEntries: 1_000 });
const reporter = createRecordingReporter();
const closers: Array<() => Promise<unknown>> = [];

// Each test's listeners stop with it, so a later test's failure is heard only by its own.
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await deleteKeys(redis, prefix);
  for (const c of [producer, store, consumer, redis]) c.disconnect();
});

/** A worker process's listener, with its log lines kept to see what it made of each failure. */
function startListener() {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => lines.push(line) },
  });
  const watch = watchStalledFailures({
    connection: store,
    prefix,
    deps: { reporter, records, reservations, slots, audit, logger },
  });
  closers.push(() => watch.close());
  const outcomes = (id: string): string[] =>
    lines
      .map((line) => JSON.parse(line) as { deploymentId?: string; outcome?: string })
      .filter((entry) => entry.deploymentId === id && entry.outcome)
      .map((entry) => entry.outcome ?? '');
  return { watch, outcomes };
}

const submit = async (viewId: string, serviceName: string): Promise<string> => {
  const answer = await submitDeployment(
    { queue, reservations, records },
    { spec: aSpec({ serviceName }), requester: { userId: 'U1' }, channelId: 'C1', viewId },
  );
  if (answer.status !== 'queued') throw new Error(`not queued: ${answer.status}`);
  return answer.deploymentId;
};

const noCli: CliRunner = { run: async () => Promise.reject(new Error('no CLI here')) };
const STEPS: StepRecord[] = [
  { id: 'name', title: 'Check the service name is free', status: 'passed', detail: 'free' },
  { id: 'create', title: 'Create the service', status: 'running', detail: '', startedAt: 1 },
];
/** The real processor over an engine that journals two steps and never returns: the worker "dies" in create. */
const hangingDeployment = createDeploymentProcessor({
  cli: noCli,
  runDeployment: async (_spec, ctx) => {
    await ctx.saveJournal({ ...ctx.journal, steps: STEPS });
    return new Promise(() => {});
  },
  reporter,
  records,
  reservations,
  slots,
  logger: silent,
});

/**
 * Gives the job to a fresh worker and closes that worker hard once its processor is running, again
 * and again (as if each were killed), until BullMQ fails the job for stalling too often: three
 * stalls with maxStalledCount 2, the fourth worker fails it without calling the processor.
 */
async function stallUntilFailed(
  id: string,
  processor: DeploymentProcessor,
  whileRunning: () => Promise<void> = async () => {},
): Promise<void> {
  let entered = 0;
  const counting: DeploymentProcessor = (job, token, signal) => {
    entered += 1;
    return processor(job, token, signal);
  };
  const state = async () => (await queue.getJob(id))?.getState();
  for (let round = 0; round < 8; round += 1) {
    const before = entered;
    const worker = startDeployWorker({
      connection: consumer,
      prefix,
      concurrency: 1,
      logger: silent,
      processor: counting,
      lockDurationMs: 1_000,
      stalledIntervalMs: 500,
    });
    const ran = await waitUntil(
      async () => (entered > before ? 'ran' : (await state()) === 'failed' && 'failed'),
      20_000,
      `round ${round}: the job to run again or fail`,
    );
    if (ran === 'ran') await whileRunning();
    await worker.close(true);
    if (ran === 'failed') return;
  }
  throw new Error('the job never failed for stalling');
}

const finishesOf = (id: string) =>
  reporter.reports.filter((r) => r.address.deploymentId === id && r.kind === 'finish');
const nameHeld = async (serviceName: string) =>
  (await redis.exists(`${prefix}:name:${REGION}:${serviceName}`)) === 1;

describe('a deployment that stalls more than maxStalledCount times', () => {
  it('tells its thread once, marks the record failed, audits it and frees its slot and name', async () => {
    const listener = startListener();
    const id = await submit('VSTALL1', 'stalled_once');
    await stallUntilFailed(id, hangingDeployment, async () => {
      // The engine is reached (parent posted, journal saved) before this worker "dies".
      await waitUntil(
        async () => (await queue.getJob(id))?.data.journal.steps.length === STEPS.length,
        10_000,
        'the engine to journal its steps',
      );
      // The processor holds both while it runs; only the listener can give them back now.
      expect(await slots.holders(REGION)).toContain(id);
      expect(await nameHeld('stalled_once')).toBe(true);
    });
    expect((await queue.getJob(id))?.failedReason).toBe('job stalled more than allowable limit');
    await waitUntil(() => listener.outcomes(id).length > 0, 20_000, 'the listener to act');

    expect(listener.outcomes(id)).toEqual(['reported']);
    const finishes = finishesOf(id);
    expect(finishes).toHaveLength(1);
    // The parent posted on the first run is where the ending goes.
    const starts = reporter.reports.filter(
      (r) => r.address.deploymentId === id && r.kind === 'start',
    );
    expect(starts).toHaveLength(1);
    expect(finishes[0]?.address.parentTs).toMatch(/^\d+\.\d+$/);
    expect(finishes[0]?.address.serviceName).toBe('stalled_once');
    expect(finishes[0]?.result).toMatchObject({ result: 'failed', step: 'internal' });
    // The checklist comes back from the journal, the step it died in marked as interrupted.
    const checklist = reporter.reports.filter((r) => r.address.deploymentId === id).at(-2);
    expect(checklist?.kind).toBe('progress');
    expect(checklist?.steps?.map((step) => [step.id, step.status, step.detail])).toEqual([
      ['name', 'passed', 'free'],
      ['create', 'failed', 'interrupted'],
    ]);
    const reason = finishes[0]?.result?.result === 'failed' ? finishes[0].result.reason : '';
    expect(reason).toMatch(/interrupted 3 times/);
    expect(reason).toMatch(/PAI console/);
    expect((await records.get(id))?.state).toBe('failed');
    expect(await slots.holders(REGION)).not.toContain(id);
    expect(await nameHeld('stalled_once')).toBe(false);
    const results = (await audit.recentAudit(50)).filter(
      (e) => e.kind === 'result' && e.deploymentId === id,
    );
    expect(results).toMatchObject([{ result: 'failed', detail: 'internal: stalled 3 times' }]);
  });

  it('is reported once when two workers both hear the failure', async () => {
    const first = startListener();
    const second = startListener();
    const id = await submit('VSTALL2', 'stalled_twice_heard');
    await stallUntilFailed(id, hangingDeployment);
    await waitUntil(
      () => first.outcomes(id).length > 0 && second.outcomes(id).length > 0,
      20_000,
      'both listeners to act',
    );

    expect([...first.outcomes(id), ...second.outcomes(id)].sort()).toEqual([
      'claimed-elsewhere',
      'reported',
    ]);
    expect(finishesOf(id)).toHaveLength(1);
    expect((await records.get(id))?.state).toBe('failed');
    expect(await slots.holders(REGION)).not.toContain(id);
    expect(await nameHeld('stalled_twice_heard')).toBe(false);
  });

  it('frees the slot and name but says nothing more when the result already reached the thread', async () => {
    const listener = startListener();
    const id = await submit('VSTALL3', 'stalled_after_result');
    // The result went out and was recorded (reportedAt), then the worker hung before completing.
    const job = await queue.getJob(id);
    if (!job) throw new Error('job missing');
    await job.updateData({ ...job.data, reportedAt: Date.now() });
    await records.update(id, { state: 'deployed' });
    await slots.tryAcquire(REGION, id);
    await stallUntilFailed(id, () => new Promise(() => {}));
    await waitUntil(() => listener.outcomes(id).length > 0, 20_000, 'the listener to act');

    expect(listener.outcomes(id)).toEqual(['already-in-thread']);
    expect(finishesOf(id)).toHaveLength(0);
    expect((await records.get(id))?.state).toBe('deployed');
    expect(await slots.holders(REGION)).not.toContain(id);
    expect(await nameHeld('stalled_after_result')).toBe(false);
  });
});
