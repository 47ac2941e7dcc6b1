import { afterAll, describe, expect, it } from 'vitest';
import { type ApprovalGateInput, runApprovalGate } from '../../src/security/approval-gate.js';
import { createApprovalStore } from '../../src/security/approval-store.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';

const redis = connectRedis();
const prefix = uniquePrefix('gate');
const approvers = ['U9BOSS', 'U1DEV'];
const store = createApprovalStore(redis, prefix, { approvers });
const HOUR = 3_600_000;
const deps = { store, rules: { gpuThreshold: 4, instanceFamilies: [] }, approvers, ttlMs: HOUR };

afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

const T0 = Date.now();
let counter = 0;
/** A request for 2 × 4 GPUs by U1DEV (above the threshold of 4). */
const costly = (overrides: Partial<ApprovalGateInput> = {}): ApprovalGateInput => {
  counter += 1;
  return {
    deploymentId: `d-gate${counter}`,
    requesterId: 'U1DEV',
    serviceJson: '{"metadata":{"name":"qwen_big","instance":2}}',
    gpuCount: 4,
    replicas: 2,
    instanceType: 'ecs.gn7i-c32g1.16xlarge',
    summary: 'qwen_big in cn-hangzhou',
    now: T0,
    ...overrides,
  };
};

describe('the approval gate before create-service', () => {
  it('lets a cheap deployment through without asking', async () => {
    expect(await runApprovalGate(deps, costly({ replicas: 1 }))).toEqual({ action: 'proceed' });
  });

  it('asks once, waits while pending, and proceeds once someone else approves', async () => {
    const input = costly();
    const first = await runApprovalGate(deps, input);
    expect(first).toMatchObject({
      action: 'request',
      request: { expiresAt: T0 + HOUR },
      why: expect.stringMatching(/8 GPUs/),
    });
    expect(await runApprovalGate(deps, { ...input, now: T0 + 10 })).toEqual({
      action: 'wait',
      until: T0 + HOUR,
    });
    await store.decide({
      deploymentId: input.deploymentId,
      approverId: 'U9BOSS',
      decision: 'approve',
      now: T0 + 20,
    });
    expect(await runApprovalGate(deps, { ...input, now: T0 + 30 })).toEqual({
      action: 'proceed',
      approvedBy: 'U9BOSS',
    });
  });

  it('asks again when the service JSON changed after approval', async () => {
    const input = costly();
    await runApprovalGate(deps, input);
    await store.decide({
      deploymentId: input.deploymentId,
      approverId: 'U9BOSS',
      decision: 'approve',
      now: T0,
    });
    const changed = await runApprovalGate(deps, {
      ...input,
      serviceJson: '{"metadata":{"name":"qwen_big","instance":9}}',
    });
    expect(changed.action).toBe('request');
  });

  it('stops with a message on rejection and on expiry', async () => {
    const rejected = costly();
    await runApprovalGate(deps, rejected);
    await store.decide({
      deploymentId: rejected.deploymentId,
      approverId: 'U9BOSS',
      decision: 'reject',
      now: T0,
    });
    expect(await runApprovalGate(deps, rejected)).toEqual({
      action: 'stop',
      status: 'rejected',
      reason: '<@U9BOSS> rejected this deployment, so nothing was created.',
    });
    const expired = costly();
    await runApprovalGate(deps, expired);
    expect(await runApprovalGate(deps, { ...expired, now: T0 + HOUR })).toMatchObject({
      action: 'stop',
      status: 'expired',
      reason: expect.stringMatching(/within 60 minutes/),
    });
  });

  it('stops at once when nobody but the requester could approve', async () => {
    const answer = await runApprovalGate({ ...deps, approvers: ['U1DEV'] }, costly());
    expect(answer).toMatchObject({
      action: 'stop',
      status: 'no-approver',
      reason: expect.stringMatching(/EAS_APPROVERS/),
    });
  });
});
