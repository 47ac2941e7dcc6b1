import { Queue, Worker } from 'bullmq';
import type { Logger } from '../logger.js';
import type { RedisClient } from '../queue/redis-connection.js';

export const MAINTENANCE_QUEUE = 'maintenance';
const SWEEP_SCHEDULER = 'orphan-sweep';

export interface OrphanSweepSchedule {
  close(): Promise<void>;
}

/**
 * Runs the sweep every `minutes` through a BullMQ job scheduler (one job per tick for the whole
 * install, whichever worker takes it), on the clock (`*\/N` minutes) rather than at each start, so
 * restarting workers does not sweep again. `minutes` 0 removes the schedule.
 */
export async function scheduleOrphanSweep(options: {
  readonly connection: RedisClient;
  readonly prefix: string;
  readonly minutes: number;
  readonly sweep: () => Promise<unknown>;
  readonly logger: Logger;
}): Promise<OrphanSweepSchedule> {
  const queue = new Queue(MAINTENANCE_QUEUE, {
    connection: options.connection,
    prefix: options.prefix,
  });
  queue.on('error', (err) => options.logger.warn({ err }, 'maintenance queue error'));
  if (options.minutes === 0) {
    await queue.removeJobScheduler(SWEEP_SCHEDULER);
    await queue.close();
    return { close: async () => {} };
  }
  await queue.upsertJobScheduler(
    SWEEP_SCHEDULER,
    { pattern: `*/${options.minutes} * * * *` },
    { name: SWEEP_SCHEDULER, opts: { removeOnComplete: 20, removeOnFail: 20 } },
  );
  const worker = new Worker(MAINTENANCE_QUEUE, () => options.sweep(), {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: 1,
  });
  worker.on('error', (err) => options.logger.warn({ err }, 'maintenance worker error'));
  return {
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
