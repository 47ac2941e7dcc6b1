import type { webApi } from '@slack/bolt';
import type { Worker } from 'bullmq';
import { type CliRunner, createExecaCliRunner } from '../aliyun/cli-runner.js';
import { runPreflight } from '../aliyun/preflight.js';
import type { Config } from '../config.js';
import { runDeployment } from '../deploy/run-deployment.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../observability/metrics.js';
import { type ApprovalHookDeps, createApprovalHook } from '../queue/approval-hook.js';
import { closeWorkerGracefully, startDeployWorker } from '../queue/deploy-worker.js';
import { createDeploymentRecords } from '../queue/deployment-records.js';
import { createNameReservations } from '../queue/name-reservations.js';
import { createDeploymentProcessor } from '../queue/process-deployment.js';
import type { ProcessorDeps } from '../queue/processor-deps.js';
import { createRedisConnection } from '../queue/redis-connection.js';
import { createRegionSlots } from '../queue/region-slots.js';
import { watchStalledFailures } from '../queue/watch-stalled-failures.js';
import { createApprovalPoster } from '../report/approval-poster.js';
import { createProcessOutbox } from '../report/create-process-outbox.js';
import { createSlackReporter } from '../report/slack-reporter.js';
import { buildApprovalRules } from '../security/approval-rules.js';
import { countCliErrors } from './count-cli-errors.js';
import { createGovernance } from './create-governance.js';

export interface WorkerRuntimeOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** The CLI child's whole environment (credentials, region, simulator settings). */
  readonly cliEnv: Record<string, string>;
  readonly slackRetryConfig?: webApi.RetryOptions;
}

export interface WorkerRuntime {
  readonly worker: Worker;
  readonly cli: CliRunner;
  /** The CLI preflight; problems are logged and shown on /healthz in the combined process. */
  readonly preflight: Promise<{ ok: boolean; problems: string[] }>;
  stop(): Promise<void>;
}

/** Starts the deployment worker: Redis, the CLI runner, the Slack reporter, the processor. */
export function startWorkerRuntime(options: WorkerRuntimeOptions): WorkerRuntime {
  const { config, logger, metrics } = options;
  const consumer = createRedisConnection(config.REDIS_URL, 'worker');
  const store = createRedisConnection(config.REDIS_URL, 'worker');
  const prefix = config.QUEUE_PREFIX;
  const cli = countCliErrors(
    createExecaCliRunner({ executable: config.ALIYUN_CLI, env: options.cliEnv }),
    metrics,
  );
  const outbox = createProcessOutbox({
    config,
    redis: store,
    logger,
    ...(options.slackRetryConfig ? { retryConfig: options.slackRetryConfig } : {}),
  });
  const reporter = createSlackReporter({
    outbox,
    ...(config.EAS_NOTIFY_CHANNEL ? { notifyChannel: config.EAS_NOTIFY_CHANNEL } : {}),
    tokenDelivery: config.EAS_TOKEN_DELIVERY,
    onError: (err) => logger.warn({ err }, 'a Slack message could not be sent'),
  });
  const governance = createGovernance(store, config, logger);
  const approvalDeps: ApprovalHookDeps = {
    store: governance.approvals,
    rules: buildApprovalRules(config),
    approvers: governance.policy.approvers,
    ttlMs: config.EAS_APPROVAL_TTL_MINUTES * 60_000,
    audit: governance.audit,
    ...createApprovalPoster(outbox, governance.policy.approvers, (err) =>
      logger.warn({ err }, 'the approval request could not be updated'),
    ),
  };
  const stopping = new AbortController();
  const deps: ProcessorDeps = {
    cli,
    runDeployment,
    reporter,
    records: createDeploymentRecords(store, prefix),
    reservations: createNameReservations(store, prefix),
    slots: createRegionSlots(store, prefix, config.EAS_REGION_CONCURRENCY),
    logger,
    metrics,
    audit: governance.audit,
    approval: (job) => createApprovalHook(approvalDeps, job),
    stopping: stopping.signal,
  };
  const worker = startDeployWorker({
    connection: consumer,
    prefix,
    concurrency: config.EAS_WORKER_CONCURRENCY,
    logger,
    ...(config.EAS_LOCK_DURATION_MS ? { lockDurationMs: config.EAS_LOCK_DURATION_MS } : {}),
    ...(config.EAS_STALLED_INTERVAL_MS
      ? { stalledIntervalMs: config.EAS_STALLED_INTERVAL_MS }
      : {}),
    processor: createDeploymentProcessor(deps),
  });
  // A deployment failed for stalling too often never reaches the processor: it is ended here.
  const stalledFailures = watchStalledFailures({ connection: store, prefix, deps, worker });
  const preflight = runPreflight(cli).then((answer) => {
    if (answer.ok) logger.info('aliyun CLI preflight passed');
    else logger.error({ problems: answer.problems }, 'aliyun CLI preflight found problems');
    return answer;
  });
  return {
    worker,
    cli,
    preflight,
    async stop() {
      stopping.abort();
      outbox.close();
      const how = await closeWorkerGracefully(worker, config.EAS_SHUTDOWN_GRACE_MS);
      logger.info({ how }, 'worker stopped');
      // After the worker: a failure it made while draining is still heard and reported.
      await stalledFailures.close();
      consumer.disconnect();
      store.disconnect();
    },
  };
}
