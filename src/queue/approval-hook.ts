import type { ApprovalAnswer, ApprovalQuestion } from '../deploy/engine-context.js';
import {
  type ApprovalGateDeps,
  type ApprovalGateInput,
  runApprovalGate,
} from '../security/approval-gate.js';
import type { ApprovalClosed, ApprovalRequest } from '../security/approval-request.js';
import type { AuditLog } from '../security/audit-log.js';

/** Where the approval request goes: the deployment's thread. */
export interface ApprovalThread {
  readonly channelId: string;
  readonly threadTs?: string;
}

export interface ApprovalHookDeps extends ApprovalGateDeps {
  readonly audit: AuditLog;
  /** Posts the request, with its buttons and the service JSON, in the thread; answers its ts. */
  readonly postRequest: (
    where: ApprovalThread,
    request: ApprovalRequest,
    serviceJson: string,
  ) => Promise<string | undefined>;
  /** Replaces a posted request's buttons with how it ended; failures are the poster's to log. */
  readonly closeRequest: (
    posted: { channelId: string; ts: string },
    request: ApprovalRequest,
    closed: ApprovalClosed,
  ) => Promise<void>;
  readonly now?: () => number;
}

export interface ApprovalJob {
  readonly deploymentId: string;
  readonly requesterId: string;
  readonly region: string;
  readonly thread: ApprovalThread;
  /**
   * Parks the job until the given time (BullMQ moveToDelayed + DelayedError); never returns.
   * `decidedMeanwhile` is asked after the job is parked: true wakes it at once, so a click that
   * landed between posting and parking is not left waiting until expiry.
   */
  readonly park: (until: number, decidedMeanwhile: () => Promise<boolean>) => Promise<never>;
  /** The service would never expire (ttl never): EAS_TTL_NEVER_NEEDS_APPROVAL applies. */
  readonly neverExpires?: boolean;
}

/** What one approval question is about, in the gate's terms (without who asks and when). */
export type ApprovalSubject = Omit<ApprovalGateInput, 'deploymentId' | 'requesterId' | 'now'>;

/** Replaces the buttons of the posted request, when there is one, with what happened. */
async function closeRequest(
  deps: ApprovalHookDeps,
  request: ApprovalRequest | undefined,
  closed: ApprovalClosed,
): Promise<void> {
  if (!request?.message) return;
  await deps.closeRequest(request.message, request, closed);
}

/**
 * The engine's approval hook for one job: asks the gate; a new request is posted in the thread
 * and the job parked until it expires; a click wakes the job, which then proceeds or ends.
 */
export function createApprovalHook(
  deps: ApprovalHookDeps,
  job: ApprovalJob,
): (question: ApprovalQuestion) => Promise<ApprovalAnswer> {
  return ({ serviceJson, plan }) =>
    askForApproval(deps, job, {
      serviceJson,
      gpuCount: plan.resources.gpu,
      replicas: plan.replicas,
      instanceType: plan.instanceType,
      ...(job.neverExpires ? { neverExpires: true } : {}),
      summary: `\`${plan.name}\` in ${job.region}: ${plan.instanceType} × ${plan.replicas}`,
    });
}

/**
 * Asks the gate about one subject for one job (a deployment's create, or a lifecycle operation
 * such as a delete): posts a new request and parks, waits, proceeds, or ends with the reason.
 */
export async function askForApproval(
  deps: ApprovalHookDeps,
  job: ApprovalJob,
  subject: ApprovalSubject,
): Promise<ApprovalAnswer> {
  const now = deps.now ?? Date.now;
  const decidedMeanwhile = async () =>
    (await deps.store.get(job.deploymentId))?.decision !== undefined;
  const { serviceJson } = subject;
  const answer = await runApprovalGate(deps, {
    ...subject,
    deploymentId: job.deploymentId,
    requesterId: job.requesterId,
    now: now(),
  });
  switch (answer.action) {
    case 'proceed':
      return { proceed: true };
    case 'wait':
      return job.park(answer.until, decidedMeanwhile);
    case 'request': {
      const ts = await deps.postRequest(job.thread, answer.request, serviceJson);
      if (ts)
        await deps.store.setMessage(job.deploymentId, { channelId: job.thread.channelId, ts });
      await deps.audit.append({
        kind: 'approval',
        deploymentId: job.deploymentId,
        userId: job.requesterId,
        event: 'requested',
        detail: answer.why,
      });
      return job.park(answer.request.expiresAt, decidedMeanwhile);
    }
    case 'stop': {
      const stored = await deps.store.get(job.deploymentId);
      if (answer.status === 'expired') {
        await closeRequest(deps, stored?.request, { kind: 'expired' });
        await deps.audit.append({
          kind: 'approval',
          deploymentId: job.deploymentId,
          userId: job.requesterId,
          event: 'expired',
        });
      } else if (answer.status === 'rejected' && stored?.decision) {
        // The click already updated it; again here in case that update failed.
        await closeRequest(deps, stored.request, {
          kind: 'rejected',
          by: stored.decision.approverId,
        });
      }
      return { proceed: false, reason: answer.reason };
    }
  }
}
