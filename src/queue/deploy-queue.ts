import type { JobsOptions, Queue } from 'bullmq';
import type { DeployJobData } from './job-data.js';
import { createProducerQueue, jobIdFrom, KEEP_FINISHED } from './producer-queue.js';
import type { RedisClient } from './redis-connection.js';

export const DEPLOY_QUEUE = 'deployments';

/** Retries are for broken infrastructure; gates that say "no" end the job without a retry. */
export const DEPLOY_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  ...KEEP_FINISHED,
};

/** The producer's queue: fails fast when Redis is away instead of hanging a submission. */
export function createDeployQueue(connection: RedisClient, prefix: string): Queue<DeployJobData> {
  return createProducerQueue<DeployJobData>(DEPLOY_QUEUE, connection, prefix);
}

/**
 * One deployment id per submitted view: the same view submitted twice maps to the same id, which
 * is also the BullMQ jobId, so BullMQ itself drops the duplicate.
 */
export function deploymentIdFor(teamId: string | undefined, viewId: string): string {
  return jobIdFrom('d', `${teamId ?? ''}:${viewId}`);
}
