import { DelayedError, type Job } from 'bullmq';

/**
 * Parks a running job until `until` (BullMQ moveToDelayed, then DelayedError ends this run).
 * `decidedMeanwhile` is asked once the job is parked: a click that landed between posting the
 * request and parking found no delayed job to promote, so the job promotes itself.
 */
export function createParkJob(job: Job, token: string | undefined) {
  return async (until: number, decidedMeanwhile: () => Promise<boolean>): Promise<never> => {
    await job.moveToDelayed(until, token);
    // The click's own promote may have woken it first: then there is nothing left to promote.
    if (await decidedMeanwhile()) await job.promote().catch(() => undefined);
    throw new DelayedError();
  };
}
