import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, startSlackStandIn } from '../../sim/slack/slack-standin.js';
import { DescribeServiceEndpointsResponse } from '../../src/aliyun/schemas.js';
import { createLogger } from '../../src/logger.js';
import { readSecretValues } from '../../src/process-env.js';
import { createDeployQueue } from '../../src/queue/deploy-queue.js';
import { createDeploymentRecords } from '../../src/queue/deployment-records.js';
import { createNameReservations } from '../../src/queue/name-reservations.js';
import { submitDeployment } from '../../src/queue/submit-deployment.js';
import { pinSecrets } from '../../src/redact.js';
import { createSlackReporter } from '../../src/report/slack-reporter.js';
import { createAuditLog } from '../../src/security/audit-log.js';
import { aSpec } from '../support/deploy-fixtures.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';
import { findSecretIn, scanRedisForSecret } from '../support/scan-secrets.js';
import { createTestOutbox } from '../support/test-outbox.js';

// Neither looks like a secret: only knowing them by value can keep them out.
const ENV_SECRET = 'plain-words-signing-secret';
const TOKEN = 'plain-lowercase-access-token';
const carrying = `the cloud said ${TOKEN} while ${ENV_SECRET} was set`;

const prefix = uniquePrefix('one-redactor');
const redis = connectRedis();
const lines: string[] = [];
const logger = createLogger({ level: 'info', destination: { write: (l) => lines.push(l) } });
let standIn: SlackStandIn;

beforeAll(async () => {
  // As main.ts does at start, and as the CLI seam does when describe-service-endpoints answers.
  pinSecrets(readSecretValues({ SLACK_SIGNING_SECRET: ENV_SECRET }));
  DescribeServiceEndpointsResponse.parse({ AccessToken: TOKEN, Endpoints: [] });
  standIn = await startSlackStandIn();
});
afterAll(async () => {
  await standIn.close();
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

const expectNeither = (text: string) => {
  expect(findSecretIn(text, ENV_SECRET)).toEqual([]);
  expect(findSecretIn(text, TOKEN)).toEqual([]);
};

describe('one redactor', () => {
  it('masks an environment secret and a learnt AccessToken in a log line', () => {
    logger.warn({ stderr: carrying }, carrying);
    expectNeither(lines.join(''));
    expect(lines.join('')).toContain('the cloud said [REDACTED]');
  });

  it('masks them in a channel message, while the requester still gets the token privately', async () => {
    const reporter = createSlackReporter({
      outbox: createTestOutbox(standIn),
      tokenDelivery: 'ephemeral',
    });
    const address = {
      deploymentId: 'd-redact1',
      channelId: 'C0DEPLOY',
      userId: 'U0REQUEST',
      serviceName: 'qwen_demo',
      region: 'cn-hangzhou',
    };
    await reporter.start(address);
    await reporter.finish(address, { result: 'failed', step: 'create', reason: carrying }, TOKEN);
    const inChannel = standIn.calls.filter((c) => c.method === 'chat.postMessage');
    expect(inChannel.length).toBeGreaterThan(0);
    expectNeither(JSON.stringify(inChannel.map((c) => c.args)));
    const privately = standIn.calls.filter((c) => c.method === 'chat.postEphemeral');
    expect(JSON.stringify(privately.map((c) => c.args))).toContain(TOKEN);
  });

  it('masks them in an audit entry, in the stream and in the log', async () => {
    const audit = createAuditLog({ redis, prefix, logger, maxEntries: 100 });
    await audit.append({ kind: 'result', result: 'failed', detail: carrying });
    expect(await scanRedisForSecret(redis, prefix, ENV_SECRET)).toEqual([]);
    expect(await scanRedisForSecret(redis, prefix, TOKEN)).toEqual([]);
    expect((await audit.recentAudit(1))[0]).toMatchObject({
      detail: expect.stringContaining('[REDACTED]'),
    });
  });

  it("masks them in a job's data and the deployment's record", async () => {
    const queue = createDeployQueue(redis, prefix);
    const answer = await submitDeployment(
      {
        queue,
        reservations: createNameReservations(redis, prefix),
        records: createDeploymentRecords(redis, prefix),
      },
      {
        spec: aSpec({ serviceName: 'redact_job', command: `vllm serve # ${carrying}` }),
        requester: { userId: 'U0REQUEST' },
        channelId: 'C0DEPLOY',
        viewId: 'V0REDACT1',
      },
    );
    expect(answer.status).toBe('queued');
    const job = answer.status === 'queued' ? await queue.getJob(answer.deploymentId) : undefined;
    expect(job?.data.spec.command).toBe(
      'vllm serve # the cloud said [REDACTED] while [REDACTED] was set',
    );
    expect(await scanRedisForSecret(redis, prefix, ENV_SECRET)).toEqual([]);
    expect(await scanRedisForSecret(redis, prefix, TOKEN)).toEqual([]);
    await queue.close();
  });
});
