import type { CliRunner } from '../aliyun/cli-runner.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { scheduleOrphanSweep } from '../orphans/schedule-orphan-sweep.js';
import { sweepOrphans } from '../orphans/sweep-orphans.js';
import { createDeployQueue } from '../queue/deploy-queue.js';
import { createDeploymentRecords } from '../queue/deployment-records.js';
import type { RedisClient } from '../queue/redis-connection.js';
import { createOrphanReporter } from '../report/report-orphan-service.js';
import type { SlackOutbox } from '../report/slack-outbox.js';
import { DEFAULT_REGIONS } from '../slack/listener-deps.js';

/** A claimed report is never repeated for the same deployment within this long. */
const CLAIM_SECONDS = 400 * 24 * 3600;

export interface OrphanSweepRuntime {
  /** One sweep now (what the scheduler runs). */
  sweep(): ReturnType<typeof sweepOrphans>;
  close(): Promise<void>;
}

/** Wires the orphan sweep of a worker process: the cloud's labels against Redis, reports to owners. */
export function startOrphanSweep(options: {
  readonly config: Pick<Config, 'QUEUE_PREFIX' | 'EAS_ORPHAN_SWEEP_MINUTES' | 'EAS_NOTIFY_CHANNEL'>;
  readonly store: RedisClient;
  readonly cli: CliRunner;
  readonly outbox: SlackOutbox;
  readonly logger: Logger;
  readonly regions?: readonly string[];
}): OrphanSweepRuntime {
  const { config, store, logger } = options;
  const prefix = config.QUEUE_PREFIX;
  const records = createDeploymentRecords(store, prefix);
  const jobs = createDeployQueue(store, prefix);
  const report = createOrphanReporter(options.outbox, config.EAS_NOTIFY_CHANNEL);
  const sweep = () =>
    sweepOrphans({
      cli: options.cli,
      regions: options.regions ?? DEFAULT_REGIONS,
      logger,
      isKnown: async (id) =>
        (await records.get(id)) !== undefined || (await jobs.getJob(id)) !== undefined,
      claim: async (orphan) =>
        (await store.set(
          `${prefix}:orphan-reported:${orphan.requestId}`,
          orphan.serviceName,
          'EX',
          CLAIM_SECONDS,
          'NX',
        )) === 'OK',
      report: async (orphan) => {
        if (!(await report(orphan)))
          logger.warn(
            { orphan },
            'an orphan service has no owner, channel or notify channel to tell',
          );
      },
    });
  const schedule = scheduleOrphanSweep({
    connection: store,
    prefix,
    minutes: config.EAS_ORPHAN_SWEEP_MINUTES,
    sweep,
    logger,
  }).catch((err: unknown) => {
    logger.error({ err }, 'the orphan sweep could not be scheduled');
    return undefined;
  });
  return {
    sweep,
    async close() {
      await (await schedule)?.close();
      await jobs.close();
    },
  };
}
