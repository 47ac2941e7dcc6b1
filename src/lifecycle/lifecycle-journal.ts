import { z } from 'zod';

/** How a lifecycle operation ended, in words the person acts on. No secrets. */
export const LifecycleOutcome = z.discriminatedUnion('result', [
  /** Done now (`changed`) or found already done (a re-run, or nothing to do). */
  z.object({ result: z.literal('done'), changed: z.boolean(), detail: z.string() }),
  /** Not allowed: the service lacks the bot's labels, or the person is not its owner or an admin. */
  z.object({ result: z.literal('refused'), reason: z.string() }),
  /** Allowed, but the service's state or the request says no (e.g. nothing to roll back to). */
  z.object({ result: z.literal('blocked'), reason: z.string() }),
  z.object({ result: z.literal('failed'), reason: z.string(), error: z.string().optional() }),
]);
export type LifecycleOutcome = z.infer<typeof LifecycleOutcome>;

export const ActionTargetSchema = z.object({
  replicas: z.number().int().optional(),
  version: z.number().int().optional(),
  expiresAt: z.string().optional(),
});

/** What the cloud said about the service, kept for the report and the schedule. */
export const ServiceFacts = z.object({
  owner: z.string().optional(),
  channel: z.string().optional(),
  requestId: z.string().optional(),
  expiresAt: z.string().optional(),
  status: z.string().optional(),
  instanceType: z.string().optional(),
  replicas: z.number().optional(),
});
export type ServiceFacts = z.infer<typeof ServiceFacts>;

/**
 * The step journal of one lifecycle operation, kept with its job: the region and target are
 * resolved once, `attemptedAt` is saved before the changing call, the outcome before the report.
 */
export const LifecycleJournal = z.object({
  region: z.string().optional(),
  target: ActionTargetSchema.optional(),
  attemptedAt: z.number().optional(),
  facts: ServiceFacts.default({}),
  outcome: LifecycleOutcome.optional(),
  /** Set once the answer is in the thread, so a re-run never reports twice. */
  reportedAt: z.number().optional(),
});
export type LifecycleJournal = z.infer<typeof LifecycleJournal>;
