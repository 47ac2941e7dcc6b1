import { z } from 'zod';
import type { DecideAnswer } from './approval-request.js';
import type { ApprovalStore } from './approval-store.js';
import type { AuditLog } from './audit-log.js';

/** The action ids of the two buttons on an approval request. */
export const APPROVE_ACTION_ID = 'eas_approval_approve';
export const REJECT_ACTION_ID = 'eas_approval_reject';

/**
 * What a button carries: the deployment (or lifecycle operation, `l-…`) and the hash of the exact
 * thing it was made for.
 */
export const ApprovalButtonValue = z.object({
  deploymentId: z.string().regex(/^[dl]-[a-z0-9]{6,32}$/),
  serviceJsonHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ApprovalButtonValue = z.infer<typeof ApprovalButtonValue>;

/** The button `value` (Slack allows 2000 characters; this is about 130). */
export const encodeApprovalButtonValue = (value: ApprovalButtonValue): string =>
  JSON.stringify(value);

function parseButtonValue(text: string): ApprovalButtonValue | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = ApprovalButtonValue.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

export interface ApprovalClickDeps {
  readonly store: ApprovalStore;
  readonly audit: AuditLog;
  /** Moves the parked job to waiting so the worker re-runs the gate now (BullMQ `job.promote()`). */
  readonly promote: (deploymentId: string) => Promise<void>;
  readonly now: () => number;
}

export interface ApprovalClick {
  readonly actionId: string;
  /** The clicked button's `value`: untrusted, validated here. */
  readonly value: string;
  readonly userId: string;
}

/**
 * Handles an Approve/Reject click: records the decision (or the refusal) in the store and the audit
 * log, and wakes the job on a new decision. The listener then updates the message or tells the
 * clicker privately why not (`answer.message`).
 */
export async function recordApprovalClick(
  deps: ApprovalClickDeps,
  click: ApprovalClick,
): Promise<DecideAnswer> {
  const value = parseButtonValue(click.value);
  const decision = click.actionId === APPROVE_ACTION_ID ? 'approve' : 'reject';
  if (!value || (click.actionId !== APPROVE_ACTION_ID && click.actionId !== REJECT_ACTION_ID)) {
    return {
      ok: false,
      code: 'not-found',
      message: 'This button is not a valid approval request.',
    };
  }
  const answer = await deps.store.decide({
    deploymentId: value.deploymentId,
    approverId: click.userId,
    decision,
    now: deps.now(),
    serviceJsonHash: value.serviceJsonHash,
  });
  if (!answer.ok) {
    await deps.audit.append({
      kind: 'approval',
      deploymentId: value.deploymentId,
      userId: click.userId,
      event: 'refused',
      detail: `${decision}: ${answer.code}`,
    });
    return answer;
  }
  if (!answer.alreadyRecorded) {
    await deps.audit.append({
      kind: 'approval',
      deploymentId: value.deploymentId,
      userId: click.userId,
      event: decision,
    });
    await deps.promote(value.deploymentId);
  }
  return answer;
}
