import { type Job, Worker } from 'bullmq';
import type { DeploymentResult } from '../deploy/outcome.js';
import type { Logger } from '../logger.js';
import { DEPLOY_QUEUE } from './deploy-queue.js';
import type { DeployJobData } from './job-data.js';
import type { RedisClient } from './redis-connection.js';

export type DeploymentProcessor = (
  job: Job<DeployJobData>,
  token?: string,
  signal?: AbortSignal,
) => Promise<DeploymentResult | null>;

/** A job whose worker died this many times is resumed each time; one more stall fails it. */
export const MAX_STALLED_COUNT = 2;

/**
 * BullMQ's failedReason for a job past MAX_STALLED_COUNT. Its stalled checker only marks the job
 * (a deferred failure) and the next worker to fetch it fails it without calling our processor, so
 * this reason, on the 'failed' events, is the only sign of it.
 */
export const STALLED_LIMIT_REASON = 'job stalled more than allowable limit';

export interface WorkerOptions {
  readonly connection: RedisClient;
  readonly prefix: string;
  readonly concurrency: number;
  readonly processor: DeploymentProcessor;
  readonly logger: Logger;
  /** Shorter in tests so a killed worker's job is recovered quickly. */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
}

/** Starts consuming deployments; BullMQ renews locks and moves a dead worker's job back to wait. */
export function startDeployWorker(
  options: WorkerOptions,
): Worker<DeployJobData, DeploymentResult | null> {
  const worker = new Worker<DeployJobData, DeploymentResult | null>(
    DEPLOY_QUEUE,
    options.processor,
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      // A stalled deployment is resumed from its journal, so recovering it twice is still safe.
      maxStalledCount: MAX_STALLED_COUNT,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    },
  );
  worker.on('error', (err) => options.logger.error({ err }, 'worker error'));
  worker.on('stalled', (jobId) =>
    options.logger.warn(
      { jobId },
      `deployment stalled; it is resumed unless it stalled more than ${MAX_STALLED_COUNT} times`,
    ),
  );
  return worker;
}

/**
 * SIGTERM: stop taking jobs and let the running step finish; past the bound, close hard (the
 * journal is already consistent because it is saved before create-service runs).
 */
export async function closeWorkerGracefully(
  worker: Worker,
  boundMs: number,
): Promise<'drained' | 'forced'> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'forced'>((resolve) => {
    timer = setTimeout(() => resolve('forced'), boundMs);
  });
  const outcome = await Promise.race([worker.close().then(() => 'drained' as const), bound]);
  clearTimeout(timer);
  if (outcome === 'forced') await worker.close(true);
  return outcome;
}
