import { type Job, QueueEvents, type Worker } from 'bullmq';
import type { DeploymentResult } from '../deploy/outcome.js';
import { createDeployQueue, DEPLOY_QUEUE } from './deploy-queue.js';
import { STALLED_LIMIT_REASON } from './deploy-worker.js';
import type { DeployJobData } from './job-data.js';
import type { RedisClient } from './redis-connection.js';
import {
  reportStalledFailure,
  type StalledReportDeps,
  type StalledReportOutcome,
} from './report-stalled-failure.js';

export interface StalledFailureWatchOptions {
  /** A non-blocking connection (claims, job reads); QueueEvents reads the stream on its own duplicate. */
  readonly connection: RedisClient;
  readonly prefix: string;
  readonly deps: StalledReportDeps;
  /**
   * This process's worker. The worker that fetches a job past the limit fails it and says so
   * in-process, so its own failures are heard even before the events stream is being read (a
   * worker restarted after the last crash fails the job within its first stalled check).
   */
  readonly worker?: Worker<DeployJobData, DeploymentResult | null>;
}

export interface StalledFailureWatch {
  /** Stops listening and waits for the reports already under way. */
  close(): Promise<void>;
}

/** A report is worth a warning; a job that cannot be reported is an error; the rest is routine. */
const LEVEL_OF: Record<StalledReportOutcome, 'warn' | 'info' | 'error'> = {
  reported: 'warn',
  'already-in-thread': 'info',
  'claimed-elsewhere': 'info',
  'job-gone': 'error',
  unreadable: 'error',
};

/** Listens for deployments failed for stalling too often and reports each one once across all workers. */
export function watchStalledFailures(options: StalledFailureWatchOptions): StalledFailureWatch {
  const { connection, prefix, deps, worker } = options;
  const log = deps.logger.child({ part: 'stalled-failures' });
  const queue = createDeployQueue(connection, prefix);
  const events = new QueueEvents(DEPLOY_QUEUE, { connection, prefix });
  const underWay = new Set<Promise<void>>();
  const ctx = { queue, redis: connection, prefix, deps };

  const heard = (jobId: string | undefined, reason: string | undefined): void => {
    if (!jobId || reason !== STALLED_LIMIT_REASON) return;
    const report = reportStalledFailure(ctx, jobId).then(
      (outcome) =>
        log[LEVEL_OF[outcome]](
          { deploymentId: jobId, outcome },
          'deployment failed for stalling too often',
        ),
      (err: unknown) =>
        log.error(
          { err, deploymentId: jobId },
          'a deployment failed for stalling was not reported',
        ),
    );
    underWay.add(report);
    void report.finally(() => underWay.delete(report));
  };

  const onWorkerFailed = (job: Job<DeployJobData> | undefined, error: Error) =>
    heard(job?.id, error.message);
  events.on('failed', ({ jobId, failedReason }) => heard(jobId, failedReason));
  events.on('error', (err) => log.warn({ err }, 'the queue events stream could not be read'));
  worker?.on('failed', onWorkerFailed);

  return {
    async close() {
      worker?.off('failed', onWorkerFailed);
      await events.close();
      await Promise.allSettled([...underWay]);
      await queue.close();
    },
  };
}
