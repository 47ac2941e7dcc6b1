import { type Job, Worker } from 'bullmq';
import type { Logger } from '../logger.js';
import type { WatchEnd } from './process-watch.js';
import type { RedisClient } from './redis-connection.js';
import type { WatchJobData } from './watch-job-data.js';
import { WATCH_QUEUE } from './watch-queue.js';

export interface WatchWorkerOptions {
  readonly connection: RedisClient;
  readonly prefix: string;
  readonly concurrency: number;
  readonly processor: (job: Job<WatchJobData>, token?: string) => Promise<WatchEnd>;
  readonly logger: Logger;
}

/** Consumes the serving watch's checks; a check is short (a describe or three and one request). */
export function startWatchWorker(options: WatchWorkerOptions): Worker<WatchJobData, WatchEnd> {
  const worker = new Worker<WatchJobData, WatchEnd>(WATCH_QUEUE, options.processor, {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency,
  });
  worker.on('error', (err) => options.logger.error({ err }, 'serving watch worker error'));
  worker.on('failed', (job, err) =>
    options.logger.warn({ err, jobId: job?.id }, 'a serving watch check broke'),
  );
  return worker;
}
