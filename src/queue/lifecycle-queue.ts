import type { JobsOptions, Queue } from 'bullmq';
import type { ExpiryJobData, LifecycleJobData } from './lifecycle-job-data.js';
import { createProducerQueue, jobIdFrom, KEEP_FINISHED } from './producer-queue.js';
import type { RedisClient } from './redis-connection.js';

/** One queue for the operations on services the bot made and their expiry schedules. */
export const LIFECYCLE_QUEUE = 'lifecycle';
export const ACTION_JOB = 'action';
export const EXPIRY_JOB = 'expiry';

export type LifecycleQueueData = LifecycleJobData | ExpiryJobData;
export type LifecycleQueue = Queue<LifecycleQueueData>;

/** Retries are for broken infrastructure (a timeout, a 5xx); each re-run reads the service first. */
export const ACTION_JOB_OPTIONS: JobsOptions = {
  attempts: 4,
  backoff: { type: 'exponential', delay: 2_000 },
  ...KEEP_FINISHED,
};

/** The one schedule of a service: gone once it ends, so a later ensure adds it again. */
export const EXPIRY_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** The producer's queue, like the deployment queue: fails fast when Redis is away. */
export function createLifecycleQueue(connection: RedisClient, prefix: string): LifecycleQueue {
  return createProducerQueue<LifecycleQueueData>(LIFECYCLE_QUEUE, connection, prefix);
}

/** A lifecycle operation's id (`l-…`) from what makes it one request: a retried click queues once. */
export function lifecycleOpId(parts: readonly string[]): string {
  return jobIdFrom('l', parts.join('\u0000'));
}

/** The expiry schedule's job id: one per service, deterministic (BullMQ ids may not hold `:`). */
export function expiryJobId(region: string, service: string): string {
  return `expiry.${region}.${service}`;
}
