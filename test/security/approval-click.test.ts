import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import {
  APPROVE_ACTION_ID,
  encodeApprovalButtonValue,
  REJECT_ACTION_ID,
  recordApprovalClick,
} from '../../src/security/approval-click.js';
import { createApprovalStore } from '../../src/security/approval-store.js';
import { createAuditLog } from '../../src/security/audit-log.js';
import { hashServiceJson } from '../../src/security/hash-service-json.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';

const redis = connectRedis();
const prefix = uniquePrefix('click');
const silent = createLogger({ level: 'silent' });
const audit = createAuditLog({ redis, prefix, logger: silent, maxEntries: 1_000 });
const store = createApprovalStore(redis, prefix, { approvers: ['U9BOSS', 'U1DEV'] });
const promoted: string[] = [];
const deps = { store, audit, promote: async (id: string) => void promoted.push(id), now: Date.now };

afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

const hash = hashServiceJson('{"metadata":{"name":"qwen_big"}}');
let counter = 0;
async function pending(): Promise<string> {
  counter += 1;
  const deploymentId = `d-click${counter}x`;
  await store.requestApproval({
    deploymentId,
    requesterId: 'U1DEV',
    serviceJsonHash: hash,
    summary: 'qwen_big',
    requestedAt: Date.now(),
    expiresAt: Date.now() + 3_600_000,
  });
  return deploymentId;
}

describe('an Approve or Reject click', () => {
  it('records the approval, audits it and wakes the job once', async () => {
    const deploymentId = await pending();
    const value = encodeApprovalButtonValue({ deploymentId, serviceJsonHash: hash });
    const click = { actionId: APPROVE_ACTION_ID, value, userId: 'U9BOSS' };
    expect(await recordApprovalClick(deps, click)).toMatchObject({
      ok: true,
      alreadyRecorded: false,
    });
    expect(await recordApprovalClick(deps, click)).toMatchObject({
      ok: true,
      alreadyRecorded: true,
    });
    expect(promoted.filter((id) => id === deploymentId)).toEqual([deploymentId]);
    expect((await audit.recentAudit(1))[0]).toMatchObject({
      kind: 'approval',
      event: 'approve',
      userId: 'U9BOSS',
      deploymentId,
    });
  });

  it('refuses the requester, audits the refusal and leaves the job parked', async () => {
    const deploymentId = await pending();
    const value = encodeApprovalButtonValue({ deploymentId, serviceJsonHash: hash });
    const answer = await recordApprovalClick(deps, {
      actionId: APPROVE_ACTION_ID,
      value,
      userId: 'U1DEV',
    });
    expect(answer).toMatchObject({
      ok: false,
      code: 'own-request',
      message: expect.stringMatching(/another approver/),
    });
    expect(promoted).not.toContain(deploymentId);
    expect((await audit.recentAudit(1))[0]).toMatchObject({
      event: 'refused',
      detail: 'approve: own-request',
    });
  });

  it('records a rejection from an approver', async () => {
    const deploymentId = await pending();
    const value = encodeApprovalButtonValue({ deploymentId, serviceJsonHash: hash });
    expect(
      await recordApprovalClick(deps, { actionId: REJECT_ACTION_ID, value, userId: 'U9BOSS' }),
    ).toMatchObject({ ok: true });
    expect(await store.status(deploymentId, hash, Date.now())).toBe('rejected');
  });

  it('treats a forged or mangled button value as invalid', async () => {
    for (const value of [
      '',
      '{',
      '{"deploymentId":"d-x; rm -rf /","serviceJsonHash":"00"}',
      'null',
    ]) {
      expect(
        await recordApprovalClick(deps, { actionId: APPROVE_ACTION_ID, value, userId: 'U9BOSS' }),
      ).toMatchObject({
        ok: false,
        code: 'not-found',
      });
    }
  });
});
