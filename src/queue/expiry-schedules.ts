import type { Job } from 'bullmq';
import {
  EXPIRY_JOB,
  EXPIRY_JOB_OPTIONS,
  expiryJobId,
  type LifecycleQueue,
  type LifecycleQueueData,
} from './lifecycle-queue.js';

export interface ScheduleTarget {
  readonly region: string;
  readonly service: string;
  /** The lifetime Keep adds. */
  readonly ttl?: string;
}

/**
 * One BullMQ delayed job per service (deterministic id), never a poll over every service. The
 * job reads the expiry label when it wakes, so moving its wake-up is all a change of expiry needs.
 */
export interface ExpirySchedules {
  /** `replace`: wake at `wakeAt` (the expiry changed); `if-missing`: only add one that is gone. */
  ensure(target: ScheduleTarget, wakeAt: number, mode: 'replace' | 'if-missing'): Promise<void>;
  /** The service is gone or never expires. */
  cancel(region: string, service: string): Promise<void>;
}

const LIVE = new Set(['delayed', 'waiting', 'active', 'prioritized', 'waiting-children']);

/** Creates the schedules on the lifecycle queue. */
export function createExpirySchedules(
  queue: LifecycleQueue,
  now: () => number = Date.now,
): ExpirySchedules {
  const add = (target: ScheduleTarget, wakeAt: number) =>
    queue.add(
      EXPIRY_JOB,
      {
        kind: 'expiry',
        region: target.region,
        service: target.service,
        ...(target.ttl ? { ttl: target.ttl } : {}),
      },
      {
        ...EXPIRY_JOB_OPTIONS,
        jobId: expiryJobId(target.region, target.service),
        delay: Math.max(0, wakeAt - now()),
      },
    );
  /** Moves a parked schedule; one already running re-reads the label itself. */
  const move = async (job: Job<LifecycleQueueData>, target: ScheduleTarget, wakeAt: number) => {
    if (target.ttl && job.data.kind === 'expiry' && job.data.ttl !== target.ttl) {
      await job.updateData({ ...job.data, ttl: target.ttl });
    }
    await job.changeDelay(Math.max(0, wakeAt - now())).catch(() => undefined);
  };
  return {
    async ensure(target, wakeAt, mode) {
      const job = await queue.getJob(expiryJobId(target.region, target.service));
      const state = job ? await job.getState() : 'unknown';
      if (job && LIVE.has(state)) {
        if (mode === 'replace' && state === 'delayed') await move(job, target, wakeAt);
        return;
      }
      // Completed or failed: that schedule ended; a new one takes its id.
      if (job) await job.remove().catch(() => undefined);
      await add(target, wakeAt);
    },
    async cancel(region, service) {
      const job = await queue.getJob(expiryJobId(region, service));
      if (job && (await job.getState()) !== 'active') await job.remove().catch(() => undefined);
    },
  };
}
