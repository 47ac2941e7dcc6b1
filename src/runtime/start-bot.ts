import type { webApi } from '@slack/bolt';
import type { Config } from '../config.js';
import { buildLifecycleSettings } from '../lifecycle/lifecycle-settings.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../observability/metrics.js';
import { createQueueDepthSource } from '../observability/queue-depth-source.js';
import { confirmReplicated, readReplicationPolicy } from '../queue/confirm-replicated.js';
import { createDeployQueue } from '../queue/deploy-queue.js';
import { createDeploymentRecords } from '../queue/deployment-records.js';
import { createFitConfirmations } from '../queue/fit-confirmations.js';
import { createLifecycleQueue } from '../queue/lifecycle-queue.js';
import { createNameReservations } from '../queue/name-reservations.js';
import { createRedisConnection } from '../queue/redis-connection.js';
import { createSubmissionLock } from '../queue/submission-lock.js';
import { createProcessOutbox } from '../report/create-process-outbox.js';
import { describeAccessPolicy } from '../security/access-policy.js';
import { createSlackApp } from '../slack/app.js';
import { DEFAULT_REGIONS } from '../slack/listener-deps.js';
import { createCli } from './create-cli.js';
import { createGovernance } from './create-governance.js';
import { createLifecyclePort } from './create-lifecycle-port.js';
import { createSlackPorts } from './create-slack-ports.js';
import { loadPriceTable } from './load-price-table.js';
import { type SharedUsergroupChanges, shareUsergroupChanges } from './share-usergroup-changes.js';

export interface BotRuntimeOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** The CLI child's environment: the bot reads the catalog, statuses and tokens (never creates). */
  readonly cliEnv: Record<string, string>;
  /** Extra health condition, e.g. the worker's CLI preflight in the combined process. */
  readonly extraHealth?: () => { ok: boolean; problems: readonly string[] };
  readonly retryConfig?: webApi.RetryOptions;
  readonly identity?: { botId: string; botUserId: string };
}

export interface BotRuntime {
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts the Slack listener: Bolt over HTTP (or Socket Mode), the producer queue, health and metrics. */
export async function startBotRuntime(options: BotRuntimeOptions): Promise<BotRuntime> {
  const { config, metrics } = options;
  const producer = createRedisConnection(config, 'producer');
  const queue = createDeployQueue(producer, config.QUEUE_PREFIX);
  metrics.setQueueDepthSource(createQueueDepthSource(queue));
  const replication = readReplicationPolicy(config);
  const governance = createGovernance(producer, config, options.logger);
  const cli = createCli({ config, env: options.cliEnv, audit: governance.audit, metrics });
  const lifecycleQueue = createLifecycleQueue(producer, config.QUEUE_PREFIX);
  const settings = buildLifecycleSettings(
    config,
    DEFAULT_REGIONS,
    loadPriceTable(config.EAS_PRICE_TABLE),
  );
  const ports = {
    ...createSlackPorts({
      queue,
      reservations: createNameReservations(producer, config.QUEUE_PREFIX),
      records: createDeploymentRecords(producer, config.QUEUE_PREFIX),
      cli,
      logger: options.logger,
      fitConfirmations: createFitConfirmations(producer, config.QUEUE_PREFIX),
      lock: createSubmissionLock(producer, config.QUEUE_PREFIX),
      ...(replication.replicas > 0
        ? {
            confirmReplicated: async () =>
              (await confirmReplicated(producer, config.QUEUE_PREFIX, replication)).replicated,
          }
        : {}),
    }),
    lifecycle: createLifecyclePort({ queue: lifecycleQueue, cli, settings }),
  };
  let shared: SharedUsergroupChanges | undefined;
  const slack = createSlackApp({
    config,
    ports,
    ...(settings.priceTable ? { priceTable: settings.priceTable } : {}),
    // The listeners spend the same Slack budget as the workers: it is counted in Redis.
    outbox: createProcessOutbox({
      config,
      redis: producer,
      logger: options.logger,
      ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    }),
    audit: governance.audit,
    approvals: {
      store: governance.approvals,
      // A decision wakes the parked job now instead of at expiry; a job not parked needs nothing.
      // The job may wake itself meanwhile (park-job), so promote can lose that race: it then says so.
      promote: async (deploymentId) => {
        // A lifecycle operation (`l-…`) waits in its own queue.
        const job = deploymentId.startsWith('l-')
          ? await lifecycleQueue.getJob(deploymentId)
          : await queue.getJob(deploymentId);
        if (!job || !(await job.isDelayed())) return;
        await job
          .promote()
          .catch((err: unknown) =>
            options.logger.info({ err, deploymentId }, 'the decided job was not woken here'),
          );
      },
    },
    health: async () => {
      const redisOk = await Promise.race([
        producer.ping().then(
          () => true,
          () => false,
        ),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_000)),
      ]);
      const extra = options.extraHealth?.() ?? { ok: true, problems: [] };
      const problems = [...(redisOk ? [] : ['Redis does not answer.']), ...extra.problems];
      return { ok: redisOk && extra.ok, problems };
    },
    metrics: async () => (await metrics.render()).body,
    shareMembers: (local) => {
      shared = shareUsergroupChanges(local, {
        publisher: producer,
        subscriber: producer.duplicate(),
        prefix: config.QUEUE_PREFIX,
        logger: options.logger,
      });
      return shared.members;
    },
    logger: options.logger,
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    ...(options.identity ?? {}),
  });
  options.logger.info(describeAccessPolicy(governance.policy));
  const { port } = await slack.start(config.PORT);
  options.logger.info(
    { port, socketMode: Boolean(config.SLACK_APP_TOKEN) },
    'Slack listener started',
  );
  return {
    port,
    async stop() {
      await slack.stop();
      await queue.close().catch(() => {});
      await lifecycleQueue.close().catch(() => {});
      shared?.close();
      producer.disconnect();
    },
  };
}
