import { z } from 'zod';

/** One audit record. Every string in it has passed redaction before it is stored or logged. */
const common = {
  /** Epoch milliseconds; filled in by the audit log when absent. */
  at: z.number(),
  deploymentId: z.string().optional(),
};

export const AuditEntry = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('request'),
    userId: z.string(),
    channelId: z.string(),
    serviceName: z.string(),
    region: z.string(),
    instanceType: z.string().optional(),
    replicas: z.number().optional(),
  }),
  z.object({
    ...common,
    kind: z.literal('denial'),
    userId: z.string(),
    channelId: z.string().optional(),
    /** What was refused: `command`, `submission`, `approve`, `audit`. */
    action: z.string(),
    reason: z.string(),
  }),
  z.object({
    ...common,
    kind: z.literal('approval'),
    /** The approver for a decision; the requester for `requested`. */
    userId: z.string(),
    event: z.enum(['requested', 'approve', 'reject', 'expired', 'refused']),
    detail: z.string().optional(),
  }),
  z.object({
    ...common,
    kind: z.literal('cli-step'),
    /** Who the call was for when no deployment is: the bot's own calls (catalog, status, token). */
    userId: z.string().optional(),
    purpose: z.string().optional(),
    argv: z.array(z.string()),
    exitCode: z.number().nullable(),
    durationMs: z.number(),
    timedOut: z.boolean().optional(),
  }),
  z.object({
    ...common,
    kind: z.literal('result'),
    userId: z.string().optional(),
    result: z.string(),
    detail: z.string().optional(),
  }),
]);
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What callers pass: an entry whose time may be left to the audit log. */
export type AuditInput = AuditEntry extends infer E
  ? E extends { at: number }
    ? Omit<E, 'at'> & { at?: number }
    : never
  : never;
