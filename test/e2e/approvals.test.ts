import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_SIGNING_SECRET, type LocalStack, startLocalStack } from '../../demo/local-stack.js';
import { createSlackUser } from '../../demo/slack-user.js';
import { readSimCallLog } from '../../sim/aliyun/call-log.js';
import { buildInstantWorld } from '../../sim/aliyun/demo-world.js';
import {
  buildBlockActionsBody,
  buildSlashCommandBody,
  FORM_CONTENT_TYPE,
} from '../../sim/slack/payloads.js';
import { postSigned } from '../../sim/slack/sign-request.js';
import type { RecordedCall } from '../../sim/slack/slack-standin.js';
import { createDeployQueue } from '../../src/queue/deploy-queue.js';
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from '../support/redis.js';

const VLLM = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu';
const REQUESTER = 'U0REQUEST';
const BOSS = 'U0BOSS01';
const prefix = uniquePrefix('e2e-approve');
let stack: LocalStack;
let redis: Redis;

beforeAll(async () => {
  redis = connectRedis();
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix,
    sim: {
      world: buildInstantWorld(),
    },
    // Two replicas of a one-GPU type is 2 GPUs: above the limit of 1, so approval is needed.
    // The requester is an approver too, to show that nobody approves their own deployment.
    env: { EAS_APPROVERS: `${BOSS},${REQUESTER}`, EAS_APPROVAL_GPU_THRESHOLD: '1' },
  });
});
afterAll(async () => {
  await stack?.stop();
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

/** Waits for a condition, bounded; throws when it never holds. */
const waitUntil = (condition: () => Promise<boolean>, timeout: number) =>
  expect.poll(condition, { timeout }).toBe(true);

const textOf = (args: Record<string, unknown>) => JSON.stringify(args);

interface PostedRequest {
  readonly call: RecordedCall;
  readonly ts: string;
  readonly threadTs: string;
  readonly value: string;
  readonly deploymentId: string;
}

/** Submits a costly deployment and waits for its approval request in the thread. */
async function askForCostly(serviceName: string, viewId: string): Promise<PostedRequest> {
  const person = createSlackUser({ eventsUrl: stack.eventsUrl, userId: REQUESTER });
  const submitted = await person.submitForm(
    { service_name: serviceName, replicas: '2', port: '8000' },
    {
      region: 'cn-hangzhou',
      image: VLLM,
      instance_type: 'ecs.gn7i-c16g1.4xlarge',
      network: 'shared',
    },
    viewId,
  );
  expect(submitted.status).toBe(200);
  const posted = await stack.slack.waitFor(
    (c) =>
      c.method === 'chat.postMessage' &&
      textOf(c.args).includes('eas_approval_approve') &&
      textOf(c.args).includes(serviceName),
    20_000,
  );
  const blocks = posted.args.blocks as Array<{
    type: string;
    elements?: Array<{ value?: string }>;
  }>;
  const value = blocks.find((b) => b.type === 'actions')?.elements?.[0]?.value ?? '';
  return {
    call: posted,
    ts: (posted.response as unknown as { ts: string }).ts,
    threadTs: String(posted.args.thread_ts),
    value,
    deploymentId: (JSON.parse(value) as { deploymentId: string }).deploymentId,
  };
}

/** Someone clicks Approve or Reject on the request. */
function click(request: PostedRequest, userId: string, decision: 'approve' | 'reject') {
  const body = buildBlockActionsBody({
    actionId: `eas_approval_${decision}`,
    value: request.value,
    userId,
    message: { channelId: 'C0DEPLOY', ts: request.ts, threadTs: request.threadTs },
  });
  return postSigned(stack.eventsUrl, body, FORM_CONTENT_TYPE, LOCAL_SIGNING_SECRET);
}

const inThread = (request: PostedRequest, words: string) => (c: RecordedCall) =>
  c.method === 'chat.postMessage' &&
  c.args.thread_ts === request.threadTs &&
  textOf(c.args).includes(words);

const privatelyTo = (userId: string, words: string) => (c: RecordedCall) =>
  c.method === 'chat.postEphemeral' && c.args.user === userId && textOf(c.args).includes(words);

const created = async (serviceName: string) =>
  (await readSimCallLog(stack.simEnv.ALIYUN_SIM_STATE ?? '')).filter(
    (c) => c.argv[1] === 'create-service' && c.argv.join(' ').includes(serviceName),
  );

/** Waits until the deployment's record (what list and App Home read) reaches a state. */
const waitUntilState = (deploymentId: string, state: string) =>
  expect
    .poll(
      async () => {
        const raw = await redis.get(`${prefix}:deployment:${deploymentId}`);
        return raw ? (JSON.parse(raw) as { state: string }).state : undefined;
      },
      { timeout: 30_000 },
    )
    .toBe(state);

describe('costly deployments wait for someone else to approve', () => {
  it('shows the service JSON, who may approve and the expiry, then deploys after an approval', async () => {
    const request = await askForCostly('big_approved', 'V0APPROVE1');
    const posted = textOf(request.call.args);
    expect(posted).toContain('big_approved');
    expect(posted).toContain(`<@${BOSS}>`);
    expect(posted).not.toContain(`approve: <@${REQUESTER}>`);
    expect(posted).toMatch(/Expires <!date\^/);
    expect(posted).toContain('ecs.gn7i-c16g1.4xlarge');
    expect(posted).toContain('\\"instance\\": 2');
    expect(await created('big_approved')).toHaveLength(0);
    // `/eas-deploy list` and App Home show it as waiting for an approver.
    await waitUntilState(request.deploymentId, 'awaiting-approval');

    // The requester is an approver but cannot approve their own deployment.
    await click(request, REQUESTER, 'approve');
    await stack.slack.waitFor(privatelyTo(REQUESTER, 'cannot approve your own'), 5_000);
    // Someone who is not an approver is refused.
    await click(request, 'U0NOBODY', 'approve');
    await stack.slack.waitFor(privatelyTo('U0NOBODY', 'Only the configured approvers'), 5_000);
    expect(await created('big_approved')).toHaveLength(0);

    await click(request, BOSS, 'approve');
    const updated = await stack.slack.waitFor(
      (c) => c.method === 'chat.update' && c.args.ts === request.ts,
      5_000,
    );
    expect(textOf(updated.args)).toContain(`Approved by <@${BOSS}>`);
    expect(textOf(updated.args)).not.toContain('eas_approval_approve');
    await stack.slack.waitFor(inThread(request, '/api/predict/big_approved'), 30_000);
    expect(await created('big_approved')).toHaveLength(1);
  });

  it('ends with a message in the thread and creates nothing when an approver rejects', async () => {
    const request = await askForCostly('big_rejected', 'V0REJECT01');
    await click(request, BOSS, 'reject');
    const updated = await stack.slack.waitFor(
      (c) => c.method === 'chat.update' && c.args.ts === request.ts,
      5_000,
    );
    expect(textOf(updated.args)).toContain(`Rejected by <@${BOSS}>`);
    await stack.slack.waitFor(inThread(request, 'rejected this deployment'), 20_000);
    expect(await created('big_rejected')).toHaveLength(0);
  });

  it('ends on expiry: the buttons say so, the thread says why, and late clicks are refused', async () => {
    const request = await askForCostly('big_expired', 'V0EXPIRE01');
    const queue = createDeployQueue(redis, prefix);
    const job = await queue.getJob(request.deploymentId);
    await waitUntil(async () => (await job?.isDelayed()) === true, 30_000);
    // Time passes: the request's expiry moves into the past and the parked job wakes as at expiry.
    const key = `${prefix}:approval:${request.deploymentId}`;
    const stored = JSON.parse((await redis.hget(key, 'request')) ?? '{}') as Record<
      string,
      unknown
    >;
    await redis.hset(key, 'request', JSON.stringify({ ...stored, expiresAt: Date.now() - 1 }));
    await job?.promote();
    await queue.close();

    await stack.slack.waitFor(inThread(request, 'Nobody approved this deployment'), 20_000);
    const updated = await stack.slack.waitFor(
      (c) => c.method === 'chat.update' && c.args.ts === request.ts,
      5_000,
    );
    expect(textOf(updated.args)).toContain('Expired');
    await click(request, BOSS, 'approve');
    await stack.slack.waitFor(privatelyTo(BOSS, 'has expired'), 5_000);
    expect(await created('big_expired')).toHaveLength(0);
  });

  it('shows approvers the audit log and refuses everyone else', async () => {
    const ack = await postSigned(
      stack.eventsUrl,
      buildSlashCommandBody({
        text: 'audit 100',
        user_id: BOSS,
        channel_id: 'C0DEPLOY',
        response_url: `${stack.slack.responseUrl}commands`,
      }),
      FORM_CONTENT_TYPE,
      LOCAL_SIGNING_SECRET,
    );
    expect(ack.status).toBe(200);
    const answer = await stack.slack.waitFor(
      (c) => c.method === 'response_url' && textOf(c.args).includes('audit entries'),
      5_000,
    );
    const text = textOf(answer.args);
    expect(answer.args.response_type).toBe('ephemeral');
    for (const kind of ['request', 'approval', 'cli-step', 'result']) expect(text).toContain(kind);
    expect(text).toContain('eas create-service');

    const other = createSlackUser({ eventsUrl: stack.eventsUrl, userId: 'U0NOBODY' });
    const refused = await other.command('audit');
    expect(refused.text).toContain('Only the approvers');
  });
});
