import { afterAll, describe, expect, it } from 'vitest';
import type { ApprovalRequest } from '../../src/security/approval-request.js';
import { createApprovalStore } from '../../src/security/approval-store.js';
import { hashServiceJson } from '../../src/security/hash-service-json.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';

const redis = connectRedis();
const prefix = uniquePrefix('approval');
const store = createApprovalStore(redis, prefix, { approvers: ['U9BOSS', 'U8LEAD', 'U1DEV'] });

afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

// Real time: the key expires (EXPIREAT) some days after the request does.
const T0 = Date.now();
const HOUR = 3_600_000;
const serviceJson = '{"metadata":{"name":"qwen_big","instance":4},"containers":[{"image":"vllm"}]}';
let counter = 0;

/** A pending request from U1DEV, expiring in an hour. */
async function requestFor(overrides: Partial<ApprovalRequest> = {}): Promise<ApprovalRequest> {
  counter += 1;
  const request: ApprovalRequest = {
    deploymentId: `d-approval${counter}`,
    requesterId: 'U1DEV',
    serviceJsonHash: hashServiceJson(serviceJson),
    summary: 'qwen_big in cn-hangzhou: ecs.gn8v × 4 (32 GPUs)',
    requestedAt: T0,
    expiresAt: T0 + HOUR,
    ...overrides,
  };
  await store.requestApproval(request);
  return request;
}

describe('approval of costly deployments', () => {
  it('is pending until an approver other than the requester approves', async () => {
    const r = await requestFor();
    expect(await store.status(r.deploymentId, r.serviceJsonHash, T0 + 1)).toBe('pending');
    const answer = await store.decide({
      deploymentId: r.deploymentId,
      approverId: 'U9BOSS',
      decision: 'approve',
      now: T0 + 5,
    });
    expect(answer).toMatchObject({
      ok: true,
      alreadyRecorded: false,
      decision: { approverId: 'U9BOSS' },
    });
    expect(await store.status(r.deploymentId, r.serviceJsonHash, T0 + 6)).toBe('approved');
  });

  it('refuses the requester approving their own request', async () => {
    const r = await requestFor();
    expect(
      await store.decide({
        deploymentId: r.deploymentId,
        approverId: 'U1DEV',
        decision: 'approve',
        now: T0,
      }),
    ).toMatchObject({
      ok: false,
      code: 'own-request',
    });
    expect(await store.status(r.deploymentId, r.serviceJsonHash, T0)).toBe('pending');
  });

  it('refuses someone who is not an approver', async () => {
    const r = await requestFor();
    expect(
      await store.decide({
        deploymentId: r.deploymentId,
        approverId: 'U5RANDOM',
        decision: 'approve',
        now: T0,
      }),
    ).toMatchObject({
      ok: false,
      code: 'not-approver',
    });
  });

  it('refuses a click after expiry and reports the request as expired', async () => {
    const r = await requestFor();
    expect(
      await store.decide({
        deploymentId: r.deploymentId,
        approverId: 'U9BOSS',
        decision: 'approve',
        now: T0 + HOUR,
      }),
    ).toMatchObject({
      ok: false,
      code: 'expired',
      message: expect.stringMatching(/expired/),
    });
    expect(await store.status(r.deploymentId, r.serviceJsonHash, T0 + HOUR)).toBe('expired');
  });

  it('treats a second identical click as the same decision', async () => {
    const r = await requestFor();
    const click = {
      deploymentId: r.deploymentId,
      approverId: 'U9BOSS',
      decision: 'approve' as const,
      now: T0,
    };
    await store.decide(click);
    expect(await store.decide({ ...click, now: T0 + 10 })).toMatchObject({
      ok: true,
      alreadyRecorded: true,
      decision: { decidedAt: T0 },
    });
  });

  it('lets only the first of two different decisions stand', async () => {
    const r = await requestFor();
    const [a, b] = await Promise.all([
      store.decide({
        deploymentId: r.deploymentId,
        approverId: 'U9BOSS',
        decision: 'approve',
        now: T0,
      }),
      store.decide({
        deploymentId: r.deploymentId,
        approverId: 'U8LEAD',
        decision: 'reject',
        now: T0,
      }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(loser).toMatchObject({
      ok: false,
      code: 'already-decided',
      message: expect.stringMatching(/already/),
    });
  });

  it('binds the exact service JSON: a different one is not approved', async () => {
    const r = await requestFor();
    await store.decide({
      deploymentId: r.deploymentId,
      approverId: 'U9BOSS',
      decision: 'approve',
      now: T0,
    });
    const changed = hashServiceJson(serviceJson.replace('"instance":4', '"instance":8'));
    expect(await store.status(r.deploymentId, changed, T0)).toBe('none');
    const reordered = hashServiceJson(
      '{"containers":[{"image":"vllm"}],"metadata":{"instance":4,"name":"qwen_big"}}',
    );
    expect(await store.status(r.deploymentId, reordered, T0)).toBe('approved');
  });

  it('refuses a click on a button made for an older service JSON', async () => {
    const r = await requestFor();
    expect(
      await store.decide({
        deploymentId: r.deploymentId,
        approverId: 'U9BOSS',
        decision: 'approve',
        now: T0,
        serviceJsonHash: 'a'.repeat(64),
      }),
    ).toMatchObject({ ok: false, code: 'stale' });
  });

  it('keeps a rejection final, even for a re-run with another service JSON', async () => {
    const r = await requestFor();
    await store.decide({
      deploymentId: r.deploymentId,
      approverId: 'U8LEAD',
      decision: 'reject',
      now: T0,
    });
    const again = await store.requestApproval({ ...r, serviceJsonHash: 'b'.repeat(64) });
    expect(again.created).toBe(false);
    expect(await store.status(r.deploymentId, 'b'.repeat(64), T0)).toBe('rejected');
  });

  it('keeps one request per deployment across re-runs and remembers where it was posted', async () => {
    const r = await requestFor();
    expect((await store.requestApproval(r)).created).toBe(false);
    await store.setMessage(r.deploymentId, { channelId: 'C1', ts: '1700000000.000100' });
    expect((await store.get(r.deploymentId))?.request.message).toEqual({
      channelId: 'C1',
      ts: '1700000000.000100',
    });
  });

  it('answers "none" and "not-found" for an unknown deployment', async () => {
    expect(await store.status('d-nothing', 'a'.repeat(64), T0)).toBe('none');
    expect(
      await store.decide({
        deploymentId: 'd-nothing',
        approverId: 'U9BOSS',
        decision: 'approve',
        now: T0,
      }),
    ).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });
});
