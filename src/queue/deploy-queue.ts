import { createHash } from 'node:crypto';
import { type JobsOptions, Queue } from 'bullmq';
import type { DeployJobData } from './job-data.js';
import type { RedisClient } from './redis-connection.js';

export const DEPLOY_QUEUE = 'deployments';

/** Retries are for broken infrastructure; gates that say "no" end the job without a retry. */
export const DEPLOY_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 5_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** The producer's queue: fails fast when Redis is away (skipWaitingForReady) instead of hanging a submission. */
export function createDeployQueue(connection: RedisClient, prefix: string): Queue<DeployJobData> {
  const queue = new Queue<DeployJobData>(DEPLOY_QUEUE, {
    connection,
    prefix,
    skipWaitingForReady: true,
    // BullMQ reads the server version (INFO) once at start-up; if Redis is away at that moment the
    // queue stays broken for good. The producer needs no version-dependent command, so skip it.
    skipVersionCheck: true,
  });
  // Connection errors surface on each add() as a rejected promise; the event would otherwise be unhandled.
  queue.on('error', () => {});
  return queue;
}

/**
 * One deployment id per submitted view: the same view submitted twice maps to the same id, which
 * is also the BullMQ jobId, so BullMQ itself drops the duplicate.
 */
export function deploymentIdFor(teamId: string | undefined, viewId: string): string {
  const digest = createHash('sha256')
    .update(`${teamId ?? ''}:${viewId}`)
    .digest('hex');
  return `d-${BigInt(`0x${digest.slice(0, 15)}`).toString(36)}`;
}
