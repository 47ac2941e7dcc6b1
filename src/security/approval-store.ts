import type { Cluster, Redis } from 'ioredis';
import {
  ApprovalDecision,
  ApprovalRequest,
  type ApprovalStatus,
  type DecideAnswer,
  type DecideRefusal,
} from './approval-request.js';

export interface DecideInput {
  readonly deploymentId: string;
  readonly approverId: string;
  readonly decision: 'approve' | 'reject';
  readonly now: number;
  /** The hash the clicked button was made for; a different current request makes the click stale. */
  readonly serviceJsonHash?: string;
}

export interface ApprovalStore {
  requestApproval(
    request: ApprovalRequest,
  ): Promise<{ created: boolean; request: ApprovalRequest }>;
  setMessage(deploymentId: string, message: { channelId: string; ts: string }): Promise<void>;
  decide(input: DecideInput): Promise<DecideAnswer>;
  status(deploymentId: string, serviceJsonHash: string, now: number): Promise<ApprovalStatus>;
  get(
    deploymentId: string,
  ): Promise<{ request: ApprovalRequest; decision?: ApprovalDecision } | undefined>;
}

export interface ApprovalStoreOptions {
  readonly approvers: readonly string[];
  /** How long a decided or expired request is kept after its expiry; default 7 days. */
  readonly retainSeconds?: number;
}

const parseJson = (text: string | undefined): unknown =>
  text === undefined ? undefined : JSON.parse(text);

/** Creates the approval store in Redis (one hash per deployment under `<prefix>:approval:`). */
export function createApprovalStore(
  redis: Redis | Cluster,
  prefix: string,
  options: ApprovalStoreOptions,
): ApprovalStore {
  const key = (deploymentId: string) => `${prefix}:approval:${deploymentId}`;
  const retain = options.retainSeconds ?? 7 * 24 * 3600;

  const get: ApprovalStore['get'] = async (deploymentId) => {
    const fields = await redis.hgetall(key(deploymentId));
    const request = ApprovalRequest.safeParse(parseJson(fields.request));
    if (!request.success) return undefined;
    const decision = ApprovalDecision.safeParse(parseJson(fields.decision));
    return { request: request.data, ...(decision.success ? { decision: decision.data } : {}) };
  };

  const refuse = (code: DecideRefusal, message: string): DecideAnswer => ({
    ok: false,
    code,
    message,
  });

  return {
    get,
    async requestApproval(request) {
      const current = await get(request.deploymentId);
      // The same JSON asked again (a re-run) keeps its request; a rejection is final.
      if (
        current &&
        (current.request.serviceJsonHash === request.serviceJsonHash ||
          current.decision?.decision === 'reject')
      ) {
        return { created: false, request: current.request };
      }
      const k = key(request.deploymentId);
      await redis
        .multi()
        .hdel(k, 'decision')
        .hset(k, 'request', JSON.stringify(ApprovalRequest.parse(request)))
        .expireat(k, Math.ceil(request.expiresAt / 1000) + retain)
        .exec();
      return { created: true, request };
    },
    async setMessage(deploymentId, message) {
      const current = await get(deploymentId);
      if (!current) return;
      await redis.hset(
        key(deploymentId),
        'request',
        JSON.stringify({ ...current.request, message }),
      );
    },
    async decide(input) {
      const current = await get(input.deploymentId);
      if (!current) return refuse('not-found', 'This approval request no longer exists.');
      const { request } = current;
      if (!options.approvers.includes(input.approverId)) {
        return refuse(
          'not-approver',
          'Only the configured approvers can approve or reject deployments.',
        );
      }
      if (input.decision === 'approve' && input.approverId === request.requesterId) {
        return refuse(
          'own-request',
          'You cannot approve your own deployment; another approver has to.',
        );
      }
      if (
        input.serviceJsonHash !== undefined &&
        input.serviceJsonHash !== request.serviceJsonHash
      ) {
        return refuse(
          'stale',
          'This deployment changed after the request was posted; use the newest request.',
        );
      }
      const candidate: ApprovalDecision = {
        decision: input.decision,
        approverId: input.approverId,
        decidedAt: input.now,
      };
      const earlier = current.decision;
      if (!earlier && input.now >= request.expiresAt) {
        return refuse(
          'expired',
          'This request has expired; the deployment was not started. Ask for it again.',
        );
      }
      // First writer wins: two approvers clicking at once cannot both decide.
      const written = earlier
        ? 0
        : await redis.hsetnx(key(input.deploymentId), 'decision', JSON.stringify(candidate));
      const decision =
        written === 1 ? candidate : ((await get(input.deploymentId))?.decision ?? candidate);
      if (decision.decision !== input.decision) {
        const verb = decision.decision === 'approve' ? 'approved' : 'rejected';
        return refuse(
          'already-decided',
          `<@${decision.approverId}> already ${verb} this deployment.`,
        );
      }
      return { ok: true, decision, request, alreadyRecorded: written !== 1 };
    },
    async status(deploymentId, serviceJsonHash, now) {
      const current = await get(deploymentId);
      if (!current) return 'none';
      if (current.decision?.decision === 'reject') return 'rejected';
      if (current.request.serviceJsonHash !== serviceJsonHash) return 'none';
      if (current.decision?.decision === 'approve') return 'approved';
      return now >= current.request.expiresAt ? 'expired' : 'pending';
    },
  };
}
