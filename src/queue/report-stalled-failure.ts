import type { Queue } from 'bullmq';
import type { StepRecord } from '../deploy/outcome.js';
import { MAX_STALLED_COUNT } from './deploy-worker.js';
import { addressOf, DeployJobData } from './job-data.js';
import type { ProcessorDeps } from './processor-deps.js';
import type { RedisClient } from './redis-connection.js';
import { type BrokenCause, reportBrokenDeployment } from './report-broken-deployment.js';

export type StalledReportDeps = Pick<
  ProcessorDeps,
  'reporter' | 'records' | 'audit' | 'slots' | 'reservations' | 'logger'
>;

export interface StalledReportContext {
  readonly queue: Queue<DeployJobData>;
  /** For the claim that lets only one of several listening workers report. */
  readonly redis: RedisClient;
  readonly prefix: string;
  readonly deps: StalledReportDeps;
}

export type StalledReportOutcome =
  | 'reported'
  | 'already-in-thread'
  | 'claimed-elsewhere'
  | 'job-gone'
  | 'unreadable';

const INTERRUPTED: BrokenCause = {
  reason:
    `The deployment was interrupted ${MAX_STALLED_COUNT + 1} times (the worker running it stopped ` +
    'each time), so eas-deploy gave up on it. The service may have been created, or only partly: ' +
    'check it in the PAI console before trying again.',
  error: `stalled ${MAX_STALLED_COUNT + 1} times`,
};

/** Long past any repeat of the same event; the key only has to outlive the listeners' hearing it. */
const CLAIM_TTL_SECONDS = 7 * 24 * 3600;

/** The step that was running when the worker died shows as interrupted, not as still running. */
const interruptedSteps = (steps: readonly StepRecord[]): StepRecord[] =>
  steps.map((s) =>
    s.status === 'running' ? { ...s, status: 'failed', detail: 'interrupted' } : s,
  );

/**
 * Ends a deployment that BullMQ failed for stalling too often, the way the processor ends every
 * other one: a message in its thread, the record failed, the audit result, and its region slot and
 * name given back (the processor that held them never reached its `finally`).
 */
export async function reportStalledFailure(
  ctx: StalledReportContext,
  jobId: string,
): Promise<StalledReportOutcome> {
  const { deps } = ctx;
  const job = await ctx.queue.getJob(jobId);
  if (!job) return 'job-gone';
  const parsed = DeployJobData.safeParse(job.data);
  if (!parsed.success) return 'unreadable';
  // Every worker hears the failure; the first to claim it reports. finishedOn tells a later
  // failure of the same job (retried by an operator) from this one.
  const claim = `${ctx.prefix}:stalled-report:${jobId}:${job.finishedOn ?? 0}`;
  if ((await ctx.redis.set(claim, String(process.pid), 'EX', CLAIM_TTL_SECONDS, 'NX')) !== 'OK')
    return 'claimed-elsewhere';
  const data = parsed.data;
  const log = deps.logger.child({ deploymentId: data.deploymentId, region: data.spec.region });
  const { region, serviceName } = data.spec;
  await deps.slots
    .release(region, data.deploymentId)
    .catch((err: unknown) => log.warn({ err }, 'region slot not released; its lease will expire'));
  await deps.reservations
    .release(region, serviceName, data.deploymentId)
    .catch((err: unknown) => log.warn({ err }, 'name not released; its reservation will expire'));
  // The result went out before the worker died: the thread must not hear a second ending.
  if (data.reportedAt) return 'already-in-thread';
  const address = addressOf(data);
  if (data.journal.steps.length > 0)
    await deps.reporter.progress(address, interruptedSteps(data.journal.steps));
  await reportBrokenDeployment(deps, address, INTERRUPTED, log);
  return 'reported';
}
