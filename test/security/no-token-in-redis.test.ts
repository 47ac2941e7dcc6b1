import { randomBytes } from 'node:crypto';
import { QueueEvents } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliRunner } from '../../src/aliyun/cli-runner.js';
import { createLogger } from '../../src/logger.js';
import { createDeployQueue } from '../../src/queue/deploy-queue.js';
import { startDeployWorker } from '../../src/queue/deploy-worker.js';
import { createDeploymentRecords } from '../../src/queue/deployment-records.js';
import { createNameReservations } from '../../src/queue/name-reservations.js';
import { createDeploymentProcessor } from '../../src/queue/process-deployment.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { createRegionSlots } from '../../src/queue/region-slots.js';
import { submitDeployment } from '../../src/queue/submit-deployment.js';
import { recordCliCall } from '../../src/runtime/create-cli.js';
import { createAuditLog } from '../../src/security/audit-log.js';
import { redactSecrets } from '../../src/security/redact.js';
import { createRedactingDestination } from '../../src/security/redacting-destination.js';
import { findSecretIn, scanRedisForSecret } from '../../src/security/scan-secrets.js';
import { aDeployedOutcome, aSpec } from '../support/deploy-fixtures.js';
import { createRecordingReporter } from '../support/recording-reporter.js';
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from '../support/redis.js';

/**
 * Deployments through the real queue and worker, with a stand-in engine whose CLI answers carry
 * the service token; afterwards no Redis key, log line or channel-visible report may hold it.
 * (After the merge the same scan runs against the real engine and the simulator.)
 */
const prefix = uniquePrefix('notoken');
const redis = connectRedis();
const producer = createRedisConnection(REDIS_URL, 'producer');
const consumer = createRedisConnection(REDIS_URL, 'worker');
const queue = createDeployQueue(producer, prefix);
const events = new QueueEvents('deployments', {
  connection: createRedisConnection(REDIS_URL, 'worker'),
  prefix,
});
const reservations = createNameReservations(producer, prefix);
const records = createDeploymentRecords(producer, prefix);
const reporter = createRecordingReporter();
const lines: string[] = [];
const destination = createRedactingDestination({ write: (line: string) => lines.push(line) });
const logger = createLogger({ level: 'debug', destination });
const audit = createAuditLog({ redis: producer, prefix, logger, maxEntries: 1_000 });
const tokens = new Map<string, string>();

/**
 * The CLI answers describe-service-endpoints with this deployment's token, as the real one does,
 * and reports each call as the runtime's runner does (recordCliCall).
 */
const cli: CliRunner = {
  async run(args, options) {
    const service = args[args.indexOf('--service-name') + 1] ?? '';
    const stdout = JSON.stringify({
      RequestId: 'R1',
      AccessToken: tokens.get(service),
      Endpoints: [],
    });
    const result = { args, exitCode: 0, stdout, stderr: '', timedOut: false, durationMs: 3 };
    await recordCliCall({ audit }, result, options?.caller);
    return result;
  },
};

const worker = startDeployWorker({
  connection: consumer,
  prefix,
  concurrency: 2,
  logger,
  processor: createDeploymentProcessor({
    cli,
    async runDeployment(spec, ctx) {
      const result = await ctx.cli.run(
        [
          'eas',
          'describe-service-endpoints',
          '--region',
          spec.region,
          '--service-name',
          spec.serviceName,
        ],
        { caller: { deploymentId: ctx.deploymentId } },
      );
      const token = (JSON.parse(result.stdout) as { AccessToken: string }).AccessToken;
      destination.remember(token);
      logger.debug({ stdout: result.stdout }, `endpoints of ${spec.serviceName}`);
      // Step details are redacted by the engine (outcome.ts contract) before anyone sees them.
      const detail = redactSecrets(result.stdout, [token]);
      await ctx.onProgress([
        { id: 'endpoints', title: 'Read the endpoints', status: 'passed', detail },
      ]);
      return aDeployedOutcome(spec.serviceName, token);
    },
    reporter,
    records,
    reservations,
    slots: createRegionSlots(producer, prefix, 4),
    logger,
  }),
});

afterAll(async () => {
  await worker.close();
  await events.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await deleteKeys(redis, prefix);
  for (const c of [producer, consumer, redis]) c.disconnect();
});

describe('no token anywhere after deployments', () => {
  it('keeps every token out of Redis, the logs and the channel reports; only the requester gets it', async () => {
    for (const [i, name] of ['notoken_a', 'notoken_b', 'notoken_c'].entries()) {
      tokens.set(name, randomBytes(30).toString('base64'));
      const answer = await submitDeployment(
        { queue, reservations, records },
        {
          spec: aSpec({ serviceName: name }),
          requester: { userId: 'U1' },
          channelId: 'C1',
          viewId: `VNT${i}`,
        },
      );
      if (answer.status !== 'queued') throw new Error(`not queued: ${answer.status}`);
      await (await queue.getJob(answer.deploymentId))?.waitUntilFinished(events, 10_000);
    }
    for (const [name, token] of tokens) {
      expect(await scanRedisForSecret(redis, prefix, token)).toEqual([]);
      expect(findSecretIn(lines.join(''), token)).toEqual([]);
      const publicReports = reporter.reports.map(
        ({ accessToken: _private, ...visible }) => visible,
      );
      expect(findSecretIn(JSON.stringify(publicReports), token)).toEqual([]);
      const finish = reporter.reports.find(
        (r) => r.kind === 'finish' && r.address.serviceName === name,
      );
      expect(finish?.accessToken).toBe(token);
    }
    expect((await audit.recentAudit(10)).filter((e) => e.kind === 'cli-step')).toHaveLength(3);
  });
});
