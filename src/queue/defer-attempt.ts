import type { Job } from 'bullmq';
import type { Logger } from '../logger.js';
import { LostJobError, NotReplicatedError } from './fence-job.js';

/** Thrown between steps when the worker is stopping (SIGTERM). */
export class ShuttingDownError extends Error {}

/**
 * Decides what BullMQ does with an attempt that threw: `lost` (another worker owns it after a
 * failover), `deferred` (back to the queue without spending an attempt), or `failed` (an attempt
 * spent; BullMQ retries it). The caller throws DelayedError for the first two.
 */
export async function deferAttempt(
  job: Job,
  token: string | undefined,
  error: unknown,
  log: Logger,
  retryMs: number,
): Promise<'lost' | 'deferred' | 'failed'> {
  if (error instanceof LostJobError) {
    // The other worker goes on with the slot and the thread; BullMQ has nothing to move.
    log.warn('another worker owns this deployment now (a Redis failover lost this claim)');
    return 'lost';
  }
  if (error instanceof NotReplicatedError) {
    log.warn('no Redis replica confirmed the deployment state; trying again shortly');
    await job.moveToDelayed(Date.now() + retryMs, token);
    return 'deferred';
  }
  if (error instanceof ShuttingDownError) {
    // The next worker resumes from the journal.
    log.info('worker stopping: the deployment goes back to the queue');
    await job.moveToDelayed(Date.now(), token);
    return 'deferred';
  }
  return 'failed';
}
