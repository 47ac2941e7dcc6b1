import type { Worker } from 'bullmq';
import type { CliRunner } from '../aliyun/cli-runner.js';
import type { Config } from '../config.js';
import { buildLifecycleSettings } from '../lifecycle/lifecycle-settings.js';
import type { Logger } from '../logger.js';
import { type ApprovalHookDeps, askForApproval } from '../queue/approval-hook.js';
import { createDeployLifetime, type DeployLifetime } from '../queue/deploy-lifetime.js';
import { createDeployQueue } from '../queue/deploy-queue.js';
import { closeWorkerGracefully } from '../queue/deploy-worker.js';
import type { DeploymentRecords } from '../queue/deployment-records.js';
import { createExpirySchedules } from '../queue/expiry-schedules.js';
import type { LifecycleProcessorDeps } from '../queue/lifecycle-processor-deps.js';
import { ACTION_JOB, ACTION_JOB_OPTIONS, createLifecycleQueue } from '../queue/lifecycle-queue.js';
import { startLifecycleWorker } from '../queue/lifecycle-worker.js';
import { createExpiryProcessor } from '../queue/process-expiry.js';
import { createLifecycleProcessor } from '../queue/process-lifecycle.js';
import { rebuildSchedules } from '../queue/rebuild-schedules.js';
import type { RedisClient } from '../queue/redis-connection.js';
import { type ScheduleWatch, watchSchedules } from '../queue/watch-schedules.js';
import { createLifecycleReporter } from '../report/lifecycle-reporter.js';
import type { SlackOutbox } from '../report/slack-outbox.js';
import type { AuditLog } from '../security/audit-log.js';
import { DEFAULT_REGIONS } from '../slack/listener-deps.js';
import { loadPriceTable } from './load-price-table.js';

export interface LifecycleRuntime {
  readonly worker: Worker;
  readonly watch: ScheduleWatch;
  /** What the deployment worker does about each new service's lifetime. */
  readonly lifetime: DeployLifetime;
  stop(): Promise<void>;
}

/** Starts the lifecycle side of a worker: the operations and expiry jobs, and the schedules' rebuild. */
export function startLifecycleRuntime(options: {
  config: Config;
  consumer: RedisClient;
  store: RedisClient;
  cli: CliRunner;
  outbox: SlackOutbox;
  records: DeploymentRecords;
  audit: AuditLog;
  approvalDeps: ApprovalHookDeps;
  logger: Logger;
  /** True while deployments wait or run (the rebuild of the schedules waits for quiet). */
  deploymentsBusy?: () => Promise<boolean>;
}): LifecycleRuntime {
  const { config } = options;
  const settings = buildLifecycleSettings(
    config,
    DEFAULT_REGIONS,
    loadPriceTable(config.EAS_PRICE_TABLE),
  );
  const prefix = config.QUEUE_PREFIX;
  const queue = createLifecycleQueue(options.store, prefix);
  const deployments = createDeployQueue(options.store, prefix);
  const schedules = createExpirySchedules(queue);
  const deps: LifecycleProcessorDeps = {
    cli: options.cli,
    reporter: createLifecycleReporter(options.outbox),
    records: options.records,
    schedules,
    settings,
    enqueue: async (data) => {
      await queue.add(ACTION_JOB, data, { ...ACTION_JOB_OPTIONS, jobId: data.opId });
    },
    logger: options.logger.child({ part: 'lifecycle' }),
    audit: options.audit,
    approval: (job) => (question) => askForApproval(options.approvalDeps, job, question),
    deleteNeedsApproval: options.approvalDeps.approvers.length > 0,
  };
  const worker = startLifecycleWorker({
    connection: options.consumer,
    prefix,
    concurrency: config.EAS_WORKER_CONCURRENCY,
    processAction: createLifecycleProcessor(deps),
    processExpiry: createExpiryProcessor(deps),
    logger: deps.logger,
    ...(config.EAS_LOCK_DURATION_MS ? { lockDurationMs: config.EAS_LOCK_DURATION_MS } : {}),
    ...(config.EAS_STALLED_INTERVAL_MS
      ? { stalledIntervalMs: config.EAS_STALLED_INTERVAL_MS }
      : {}),
  });
  const watch = watchSchedules({
    redis: options.store,
    prefix,
    intervalMs: config.EAS_SCHEDULE_CHECK_MS,
    logger: deps.logger,
    // The rebuild's ListServices calls wait (bounded) until no deployment waits or runs.
    busy: async () => {
      const counts = await deployments.getJobCounts('waiting', 'active', 'prioritized');
      return Object.values(counts).some((n) => n > 0);
    },
    rebuild: () =>
      rebuildSchedules({
        cli: options.cli,
        schedules,
        regions: settings.regions,
        remindBeforeMs: settings.remindBeforeMs,
        now: Date.now,
      }),
  });
  return {
    worker,
    watch,
    lifetime: createDeployLifetime(settings, schedules),
    async stop() {
      watch.close();
      // Each operation re-reads the service before acting: one cut short is resumed safely.
      await closeWorkerGracefully(worker, config.EAS_SHUTDOWN_GRACE_MS);
      await queue.close().catch(() => undefined);
      await deployments.close().catch(() => undefined);
    },
  };
}
