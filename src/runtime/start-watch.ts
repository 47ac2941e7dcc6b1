import type { Worker } from 'bullmq';
import type { CliRunner } from '../aliyun/cli-runner.js';
import type { Config } from '../config.js';
import type { EngineOutcome } from '../deploy/engine-context.js';
import type { Logger } from '../logger.js';
import { buildWatchRequest } from '../queue/build-watch-request.js';
import type { DeploymentRecords } from '../queue/deployment-records.js';
import type { DeploymentReporter } from '../queue/deployment-reporter.js';
import type { DeployJobData } from '../queue/job-data.js';
import { createWatchProcessor } from '../queue/process-watch.js';
import { createRedisConnection } from '../queue/redis-connection.js';
import { createWatchQueue, enqueueWatch } from '../queue/watch-queue.js';
import { startWatchWorker } from '../queue/watch-worker.js';
import type { WatchSchedule } from '../serving/watch-schedule.js';

/** The serving check's one request waits this long for an answer. */
export const PROBE_TIMEOUT_MS = 10_000;
const DEFAULT_FIRST_CHECK_MS = 5_000;
const LONGEST_GAP_MS = 60_000;

export interface WatchRuntime {
  /** Called by the deployment processor once the summary is in the thread. */
  watch(data: DeployJobData, outcome: EngineOutcome): Promise<void>;
  readonly worker: Worker;
  stop(): Promise<void>;
}

/** The schedule the config asks for: first check, doubling gaps up to a minute, EAS_WATCH_MAX. */
export function readWatchSchedule(config: Config): WatchSchedule {
  return {
    firstMs: config.EAS_WATCH_FIRST_CHECK_MS ?? DEFAULT_FIRST_CHECK_MS,
    capMs: LONGEST_GAP_MS,
    maxMs: config.EAS_WATCH_MAX,
  };
}

/** Starts the serving watch (EAS_PROBE=on): its queue, its worker, and the hook the deployments call. */
export function startWatchRuntime(deps: {
  config: Config;
  logger: Logger;
  cli: CliRunner;
  reporter: DeploymentReporter;
  records: DeploymentRecords;
  now?: () => number;
}): WatchRuntime {
  const { config, logger } = deps;
  const schedule = readWatchSchedule(config);
  const producer = createRedisConnection(config, 'worker');
  const consumer = createRedisConnection(config, 'worker');
  const queue = createWatchQueue(producer, config.QUEUE_PREFIX);
  const worker = startWatchWorker({
    connection: consumer,
    prefix: config.QUEUE_PREFIX,
    concurrency: config.EAS_WORKER_CONCURRENCY,
    logger,
    processor: createWatchProcessor({
      cli: deps.cli,
      reporter: deps.reporter,
      logger,
      schedule,
      probeTimeoutMs: PROBE_TIMEOUT_MS,
      records: deps.records,
      ...(deps.now ? { now: deps.now } : {}),
    }),
  });
  const now = deps.now ?? Date.now;
  return {
    worker,
    async watch(data, outcome) {
      const request = buildWatchRequest(data, outcome, now());
      if (request) await enqueueWatch(queue, request, schedule.firstMs);
    },
    async stop() {
      await worker.close();
      await queue.close();
      consumer.disconnect();
      producer.disconnect();
    },
  };
}
