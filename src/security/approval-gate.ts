import type { ApprovalRequest } from './approval-request.js';
import { type ApprovalNeed, type ApprovalRules, needsApproval } from './approval-rules.js';
import type { ApprovalStore } from './approval-store.js';
import { hashServiceJson } from './hash-service-json.js';

export interface ApprovalGateDeps {
  readonly store: ApprovalStore;
  readonly rules: ApprovalRules;
  readonly approvers: readonly string[];
  /** EAS_APPROVAL_TTL_MINUTES in milliseconds. */
  readonly ttlMs: number;
}

export interface ApprovalGateInput {
  readonly deploymentId: string;
  readonly requesterId: string;
  /** The exact service JSON create-service will send. */
  readonly serviceJson: string;
  readonly gpuCount: number;
  readonly replicas: number;
  readonly instanceType: string;
  readonly neverExpires?: boolean;
  /** Set by callers whose need is not the rules' (deleting a service needs approval whenever approvers exist). */
  readonly need?: ApprovalNeed;
  /** How the reasons name it and what not going ahead means; default a deployment, nothing created. */
  readonly wording?: { readonly what: string; readonly unchanged: string };
  /** One line for the approver: service, region, instance type × replicas. */
  readonly summary: string;
  readonly now: number;
}

/** What the worker does next, just before create-service. */
export type ApprovalGateAnswer =
  | { action: 'proceed'; approvedBy?: string }
  /** A new request: post it with Approve/Reject buttons, then delay the job until `request.expiresAt`. */
  | { action: 'request'; request: ApprovalRequest; why: string }
  /** Already requested and still open (a re-run): delay the job again until `until`. */
  | { action: 'wait'; until: number }
  /** End the deployment with this reason in the thread (rejected, expired, or nobody can approve). */
  | { action: 'stop'; status: 'rejected' | 'expired' | 'no-approver'; reason: string };

/**
 * The approval gate the worker runs after building the service JSON and before create-service.
 * Pure decision plus the store; posting, delaying and promoting the job stay with the worker.
 */
export async function runApprovalGate(
  deps: ApprovalGateDeps,
  input: ApprovalGateInput,
): Promise<ApprovalGateAnswer> {
  const need = input.need ?? needsApproval(deps.rules, input);
  const { what, unchanged } = input.wording ?? {
    what: 'this deployment',
    unchanged: 'nothing was created',
  };
  if (!need.needed) return { action: 'proceed' };
  const hash = hashServiceJson(input.serviceJson);
  const status = await deps.store.status(input.deploymentId, hash, input.now);
  const current = await deps.store.get(input.deploymentId);
  switch (status) {
    case 'approved':
      return {
        action: 'proceed',
        ...(current?.decision ? { approvedBy: current.decision.approverId } : {}),
      };
    case 'rejected':
      return {
        action: 'stop',
        status: 'rejected',
        reason: `<@${current?.decision?.approverId ?? 'unknown'}> rejected ${what}, so ${unchanged}.`,
      };
    case 'expired':
      return {
        action: 'stop',
        status: 'expired',
        reason: `Nobody approved ${what} within ${Math.round(deps.ttlMs / 60_000)} minutes, so ${unchanged}. Ask again when an approver is around.`,
      };
    case 'pending':
      return { action: 'wait', until: current?.request.expiresAt ?? input.now + deps.ttlMs };
    case 'none':
      break;
  }
  if (!deps.approvers.some((approver) => approver !== input.requesterId)) {
    return {
      action: 'stop',
      status: 'no-approver',
      reason: `${need.why} No approver other than you is configured (EAS_APPROVERS), so it cannot go ahead.`,
    };
  }
  const { created, request } = await deps.store.requestApproval({
    deploymentId: input.deploymentId,
    requesterId: input.requesterId,
    serviceJsonHash: hash,
    summary: `${input.summary}\n${need.why}`,
    requestedAt: input.now,
    expiresAt: input.now + deps.ttlMs,
  });
  return created
    ? { action: 'request', request, why: need.why }
    : { action: 'wait', until: request.expiresAt };
}
