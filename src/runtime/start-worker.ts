import type { webApi } from '@slack/bolt';
import type { Worker } from 'bullmq';
import type { CliRunner } from '../aliyun/cli-runner.js';
import { type PreflightAnswer, runPreflight } from '../aliyun/preflight.js';
import type { Config } from '../config.js';
import { runDeployment } from '../deploy/run-deployment.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../observability/metrics.js';
import { type ApprovalHookDeps, createApprovalHook } from '../queue/approval-hook.js';
import { readReplicationPolicy } from '../queue/confirm-replicated.js';
import { closeWorkerGracefully, startDeployWorker } from '../queue/deploy-worker.js';
import { createDeploymentRecords } from '../queue/deployment-records.js';
import { createJobFence } from '../queue/fence-job.js';
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
import { createCli } from './create-cli.js';
import { createGovernance } from './create-governance.js';
import { startLifecycleRuntime } from './start-lifecycle.js';
import { startOrphanSweep } from './start-orphan-sweep.js';
import { startWatchRuntime } from './start-watch.js';

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
  readonly preflight: Promise<PreflightAnswer>;
  /** The expiry schedules were rebuilt from the labels once (at start), when Redis had lost them. */
  readonly schedulesReady: Promise<void>;
  stop(): Promise<void>;
}

/** Starts the deployment worker: Redis, the CLI runner, the Slack reporter, the processor. */
export function startWorkerRuntime(options: WorkerRuntimeOptions): WorkerRuntime {
  const { config, logger, metrics } = options;
  const consumer = createRedisConnection(config, 'worker');
  const store = createRedisConnection(config, 'worker');
  const prefix = config.QUEUE_PREFIX;
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
  const cli = createCli({ config, env: options.cliEnv, audit: governance.audit, metrics });
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
  const records = createDeploymentRecords(store, prefix);
  const lifecycleConsumer = createRedisConnection(config.REDIS_URL, 'worker');
  const lifecycle = startLifecycleRuntime({
    config,
    consumer: lifecycleConsumer,
    store,
    cli,
    outbox,
    records,
    audit: governance.audit,
    approvalDeps,
    logger,
  });
  const stopping = new AbortController();
  // EAS_PROBE=off: no watch queue, no watch worker, so no describe call after the summary.
  const watch =
    config.EAS_PROBE === 'on'
      ? startWatchRuntime({ config, logger, cli, reporter, records })
      : undefined;
  const deps: ProcessorDeps = {
    cli,
    runDeployment,
    reporter,
    records,
    reservations: createNameReservations(store, prefix),
    slots: createRegionSlots(store, prefix, config.EAS_REGION_CONCURRENCY),
    logger,
    metrics,
    audit: governance.audit,
    approval: (job) => createApprovalHook(approvalDeps, job),
    stopping: stopping.signal,
    lifetime: lifecycle.lifetime,
    ...(watch ? { watch: watch.watch } : {}),
    fence: createJobFence({ store, prefix, policy: readReplicationPolicy(config) }),
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
  const orphans = startOrphanSweep({ config, store, cli, outbox, logger });
  const preflight = runPreflight(cli).then((answer) => {
    if (answer.ok) logger.info('aliyun CLI preflight passed');
    else
      for (const problem of answer.problems)
        logger.error({ problem }, `aliyun CLI preflight: ${problem}`);
    return answer;
  });
  return {
    worker,
    cli,
    preflight,
    schedulesReady: lifecycle.watch.ready,
    async stop() {
      stopping.abort();
      outbox.close();
      const [how] = await Promise.all([
        closeWorkerGracefully(worker, config.EAS_SHUTDOWN_GRACE_MS),
        lifecycle.stop(),
      ]);
      lifecycleConsumer.disconnect();
      logger.info({ how }, 'worker stopped');
      await watch?.stop();
      // After the worker: a failure it made while draining is still heard and reported.
      await stalledFailures.close();
      await orphans.close();
      consumer.disconnect();
      store.disconnect();
    },
  };
}
