import { type JobsOptions, Queue } from 'bullmq';
import { KEEP_FINISHED } from './producer-queue.js';
import type { RedisClient } from './redis-connection.js';
import { WatchJobData, type WatchJobInput } from './watch-job-data.js';

/** The serving watch's own queue: its jobs never share a worker slot or a region slot with deployments. */
export const WATCH_QUEUE = 'serving-watch';

/** Retries are for broken infrastructure (RedisClient, Slack); the back-off between checks is moveToDelayed. */
export const WATCH_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  ...KEEP_FINISHED,
};

/** The watch queue on the worker's connection. */
export function createWatchQueue(connection: RedisClient, prefix: string): Queue<WatchJobData> {
  const queue = new Queue<WatchJobData>(WATCH_QUEUE, { connection, prefix });
  queue.on('error', () => {});
  return queue;
}

/**
 * Adds the watch of one deployment, first run after `firstDelayMs` (a diagnosis runs at once). The
 * job id is derived from the deployment, so a deployment re-run after a crash never adds a second.
 */
export async function enqueueWatch(
  queue: Queue<WatchJobData>,
  request: WatchJobInput,
  firstDelayMs: number,
): Promise<void> {
  await queue.add('watch', WatchJobData.parse(request), {
    ...WATCH_JOB_OPTIONS,
    jobId: `watch-${request.deploymentId}`,
    delay: request.kind === 'watch' ? firstDelayMs : 0,
  });
}
