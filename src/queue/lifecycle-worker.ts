import { type Job, Worker } from 'bullmq';
import type { Logger } from '../logger.js';
import { EXPIRY_JOB, LIFECYCLE_QUEUE } from './lifecycle-queue.js';
import type { RedisClient } from './redis-connection.js';

type Processor = (job: Job, token?: string) => Promise<unknown>;

/** Starts consuming lifecycle operations and expiry schedules (one queue, two job names). */
export function startLifecycleWorker(options: {
  connection: RedisClient;
  prefix: string;
  concurrency: number;
  processAction: Processor;
  processExpiry: Processor;
  logger: Logger;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}): Worker {
  const worker = new Worker(
    LIFECYCLE_QUEUE,
    (job, token) =>
      job.name === EXPIRY_JOB
        ? options.processExpiry(job, token)
        : options.processAction(job, token),
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      // Each operation re-reads the service before acting, so a stalled one is safe to resume.
      maxStalledCount: 2,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    },
  );
  worker.on('error', (err) => options.logger.error({ err }, 'lifecycle worker error'));
  return worker;
}
