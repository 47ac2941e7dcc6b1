import { afterAll, describe, expect, it } from 'vitest';
import {
  buildApprovalClosedMessage,
  buildApprovalRequestMessage,
} from '../../blocks/approval-message.js';
import type { SlackMessage } from '../../blocks/progress-message.js';
import type { ServicePlan } from '../../src/deploy/build-service-json.js';
import { createLogger } from '../../src/logger.js';
import { type ApprovalJob, createApprovalHook } from '../../src/queue/approval-hook.js';
import { createApprovalStore } from '../../src/security/approval-store.js';
import { createAuditLog } from '../../src/security/audit-log.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';
import { sendThroughSlack } from '../support/through-slack.js';

const redis = connectRedis();
const prefix = uniquePrefix('hook');
const approvers = ['U9BOSS', 'U1DEV'];
const store = createApprovalStore(redis, prefix, { approvers });
const audit = createAuditLog({
  redis,
  prefix,
  logger: createLogger({ level: 'silent' }),
  maxEntries: 1000,
});
const HOUR = 3_600_000;

afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

const plan = (replicas: number): ServicePlan => ({
  name: 'qwen_big',
  imageUri: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu',
  command: 'vllm serve /model_dir --port 8000; echo $(id)',
  port: 8000,
  replicas,
  instanceType: 'ecs.gn7i-c16g1.4xlarge',
  resources: { cpu: 16, gpu: 1, memory: 61440 },
  mountPath: '/model_dir',
  healthCheck: true,
  network: { mode: 'shared' },
});

let counter = 0;
/** A hook for a fresh deployment by U1DEV, recording what it posts, updates and parks. */
function setUp(now: () => number) {
  counter += 1;
  const posted: SlackMessage[] = [];
  const updated: SlackMessage[] = [];
  const parked: number[] = [];
  const job: ApprovalJob = {
    deploymentId: `d-hook${counter}x`,
    requesterId: 'U1DEV',
    region: 'cn-hangzhou',
    thread: { channelId: 'C0DEPLOY', threadTs: '1.000001' },
    park: async (until) => {
      parked.push(until);
      throw new Error('parked');
    },
  };
  const hook = createApprovalHook(
    {
      store,
      rules: { gpuThreshold: 1, instanceFamilies: [] },
      approvers,
      ttlMs: HOUR,
      audit,
      now,
      // As the Slack poster does: the messages of blocks/approval-message.ts.
      postRequest: async (_where, request, serviceJson) => {
        posted.push(buildApprovalRequestMessage({ request, serviceJson, approvers }));
        return `2.00000${posted.length}`;
      },
      closeRequest: async (_posted, request, closed) => {
        updated.push(buildApprovalClosedMessage(request, closed));
      },
    },
    job,
  );
  return { hook, job, posted, updated, parked };
}

const T0 = Date.now();
const json = (replicas: number) =>
  JSON.stringify({ metadata: { name: 'qwen_big', instance: replicas } });

describe('the approval hook of one job', () => {
  it('lets a deployment within the limits go ahead without posting anything', async () => {
    const { hook, posted } = setUp(() => T0);
    expect(await hook({ serviceJson: json(1), plan: plan(1) })).toEqual({ proceed: true });
    expect(posted).toEqual([]);
  });

  it('posts the request within Slack limits, remembers where, and parks the job until expiry', async () => {
    const { hook, job, posted, parked } = setUp(() => T0);
    await expect(hook({ serviceJson: json(2), plan: plan(2) })).rejects.toThrow('parked');
    expect(parked).toEqual([T0 + HOUR]);
    expect(posted).toHaveLength(1);
    expect(await sendThroughSlack(posted[0] as object, 'message')).toMatchObject({ ok: true });
    expect(JSON.stringify(posted[0])).toContain('<@U9BOSS>');
    expect((await store.get(job.deploymentId))?.request.message).toEqual({
      channelId: 'C0DEPLOY',
      ts: '2.000001',
    });
    const entries = await audit.recentAudit(5);
    expect(entries[0]).toMatchObject({ kind: 'approval', event: 'requested', userId: 'U1DEV' });
  });

  it('proceeds after an approval of the same JSON, and asks again when the JSON changed', async () => {
    const { hook, job, posted } = setUp(() => T0);
    await expect(hook({ serviceJson: json(2), plan: plan(2) })).rejects.toThrow('parked');
    await store.decide({
      deploymentId: job.deploymentId,
      approverId: 'U9BOSS',
      decision: 'approve',
      now: T0,
    });
    expect(await hook({ serviceJson: json(2), plan: plan(2) })).toEqual({ proceed: true });
    await expect(hook({ serviceJson: json(3), plan: plan(3) })).rejects.toThrow('parked');
    expect(posted).toHaveLength(2);
  });

  it('ends on expiry: the buttons are replaced and the audit says expired', async () => {
    let now = T0;
    const { hook, updated } = setUp(() => now);
    await expect(hook({ serviceJson: json(2), plan: plan(2) })).rejects.toThrow('parked');
    now = T0 + HOUR;
    const answer = await hook({ serviceJson: json(2), plan: plan(2) });
    expect(answer).toEqual({ proceed: false, reason: expect.stringContaining('Nobody approved') });
    expect(JSON.stringify(updated[0])).toContain('Expired');
    expect(JSON.stringify(updated[0])).not.toContain('eas_approval_approve');
    expect((await audit.recentAudit(1))[0]).toMatchObject({ kind: 'approval', event: 'expired' });
  });

  it('ends at once when nobody but the requester could approve', async () => {
    const { job } = setUp(() => T0);
    const lonely = createApprovalHook(
      {
        store,
        rules: { gpuThreshold: 1, instanceFamilies: [] },
        approvers: ['U1DEV'],
        ttlMs: HOUR,
        audit,
        postRequest: async () => '1.1',
        closeRequest: async () => {},
      },
      job,
    );
    const answer = await lonely({ serviceJson: json(2), plan: plan(2) });
    expect(answer).toEqual({
      proceed: false,
      reason: expect.stringContaining('No approver other than you'),
    });
  });
});
