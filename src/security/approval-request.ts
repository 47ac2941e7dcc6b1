import { z } from 'zod';

/** A costly deployment waiting for someone else's "Approve". Binds the exact service JSON by hash. */
export const ApprovalRequest = z.object({
  deploymentId: z.string().min(1),
  requesterId: z.string().min(1),
  serviceJsonHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** What the approver reads: service, region, instance type × replicas, why approval is needed. */
  summary: z.string().max(3000),
  requestedAt: z.number(),
  expiresAt: z.number(),
  /** Where the request with its buttons was posted, so it can be updated on a decision or expiry. */
  message: z.object({ channelId: z.string(), ts: z.string() }).optional(),
});
export type ApprovalRequest = z.infer<typeof ApprovalRequest>;

export const ApprovalDecision = z.object({
  decision: z.enum(['approve', 'reject']),
  approverId: z.string(),
  decidedAt: z.number(),
});
export type ApprovalDecision = z.infer<typeof ApprovalDecision>;

/** How a request ended, as its message says once the buttons are gone. */
export type ApprovalClosed =
  | { kind: 'approved' | 'rejected'; by: string }
  | { kind: 'expired' }
  | { kind: 'no-approver' };

export type ApprovalStatus = 'approved' | 'rejected' | 'expired' | 'pending' | 'none';

export type DecideRefusal =
  | 'not-found'
  | 'not-approver'
  | 'own-request'
  | 'stale'
  | 'expired'
  | 'already-decided';

export type DecideAnswer =
  | { ok: true; decision: ApprovalDecision; request: ApprovalRequest; alreadyRecorded: boolean }
  | { ok: false; code: DecideRefusal; message: string };
