import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_SIGNING_SECRET, type LocalStack, startLocalStack } from '../../demo/local-stack.js';
import { createSlackUser } from '../../demo/slack-user.js';
import { buildInstantWorld } from '../../sim/aliyun/demo-world.js';
import { buildBlockActionsBody, FORM_CONTENT_TYPE } from '../../sim/slack/payloads.js';
import { postSigned } from '../../sim/slack/sign-request.js';
import type { RecordedCall } from '../../sim/slack/slack-standin.js';
import { createLogger } from '../../src/logger.js';
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from '../support/redis.js';
import { findSecretIn, scanRedisForSecret } from '../support/scan-secrets.js';
import { readTokenFromSim } from '../support/sim-token.js';

const VLLM = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu';
const BOSS = 'U0BOSS01';
const prefix = uniquePrefix('e2e-notoken');
const logLines: string[] = [];
let stack: LocalStack;
let redis: Redis;

beforeAll(async () => {
  redis = connectRedis();
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix,
    // Every line the product writes, at the most talkative level, after its own masking.
    logger: createLogger({ level: 'trace', destination: { write: (line) => logLines.push(line) } }),
    sim: {
      world: buildInstantWorld(),
    },
    env: {
      EAS_NOTIFY_CHANNEL: 'C0NOTIFY',
      EAS_APPROVERS: BOSS,
      EAS_APPROVAL_GPU_THRESHOLD: '1',
    },
  });
});
afterAll(async () => {
  await stack?.stop();
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

const textOf = (args: Record<string, unknown>) => JSON.stringify(args);

/** Public: a message in a channel (C…/G…), or a response_url answer that is not ephemeral. */
const isPublic = (c: RecordedCall) =>
  (['chat.postMessage', 'chat.update'].includes(c.method) &&
    !String(c.args.channel).startsWith('D')) ||
  (c.method === 'response_url' && c.args.response_type !== 'ephemeral');
const isPrivate = (c: RecordedCall) =>
  c.method === 'chat.postEphemeral' ||
  (c.method === 'chat.postMessage' && String(c.args.channel).startsWith('D')) ||
  (c.method === 'response_url' && c.args.response_type === 'ephemeral');

/** One deployment from the form to its summary; costly ones are approved by the boss. */
async function deploy(serviceName: string, replicas: number, viewId: string): Promise<void> {
  const person = createSlackUser({ eventsUrl: stack.eventsUrl });
  await person.submitForm(
    { service_name: serviceName, replicas: String(replicas), port: '8000' },
    {
      region: 'cn-hangzhou',
      image: VLLM,
      instance_type: 'ecs.gn7i-c16g1.4xlarge',
      network: 'shared',
    },
    viewId,
  );
  if (replicas > 1) {
    const request = await stack.slack.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        textOf(c.args).includes('eas_approval_approve') &&
        textOf(c.args).includes(serviceName),
      20_000,
    );
    const blocks = request.args.blocks as Array<{
      type: string;
      elements?: Array<{ value?: string }>;
    }>;
    const value = blocks.find((b) => b.type === 'actions')?.elements?.[0]?.value ?? '';
    const ts = (request.response as unknown as { ts: string }).ts;
    await postSigned(
      stack.eventsUrl,
      buildBlockActionsBody({
        actionId: 'eas_approval_approve',
        value,
        userId: BOSS,
        message: { channelId: 'C0DEPLOY', ts, threadTs: String(request.args.thread_ts) },
      }),
      FORM_CONTENT_TYPE,
      LOCAL_SIGNING_SECRET,
    );
  }
  await stack.slack.waitFor(
    (c) =>
      c.method === 'chat.postMessage' && textOf(c.args).includes(`/api/predict/${serviceName}`),
    30_000,
  );
}

describe('the AccessToken never leaks', () => {
  it('is nowhere public, in no log line, in no Redis key and in no audit entry after full deployments', async () => {
    const deployed = [
      ['quiet_one', 1],
      ['quiet_two', 1],
      ['costly_three', 2],
    ] as const;
    for (const [index, [name, replicas]] of deployed.entries()) {
      await deploy(name, replicas, `V0NOTOKEN${index}`);
    }
    const tokens = await Promise.all(
      deployed.map(([name]) => readTokenFromSim(stack.simEnv, 'cn-hangzhou', name)),
    );
    // The requester did get each token, privately.
    for (const token of tokens) {
      expect(token.length).toBeGreaterThan(8);
      await stack.slack.waitFor((c) => textOf(c.args).includes(token), 5_000);
    }
    const auditEntries = await redis.xrange(`${prefix}:audit`, '-', '+');
    expect(auditEntries.length).toBeGreaterThan(10);
    expect(logLines.some((l) => l.includes('"kind":"cli-step"'))).toBe(true);
    // The start-up line says plainly who may deploy.
    expect(logLines.some((l) => l.includes('Access: everyone may deploy, in any channel'))).toBe(
      true,
    );
    for (const token of tokens) {
      for (const call of stack.slack.calls.filter(isPublic)) {
        expect(findSecretIn(textOf(call.args), token)).toEqual([]);
      }
      for (const call of stack.slack.calls.filter((c) => textOf(c.args).includes(token))) {
        expect(isPrivate(call)).toBe(true);
      }
      expect(findSecretIn(logLines.join(''), token)).toEqual([]);
      expect(findSecretIn(JSON.stringify(auditEntries), token)).toEqual([]);
      expect(await scanRedisForSecret(redis, prefix, token)).toEqual([]);
    }
  });
});
