import { z } from 'zod';
import { LifecycleJournal } from '../lifecycle/lifecycle-journal.js';
import { LifecycleActor, LifecycleRequest } from '../lifecycle/lifecycle-request.js';

/** One lifecycle operation as stored in Redis: what was asked, by whom, and its journal. No secrets. */
export const LifecycleJobData = z.object({
  kind: z.literal('action'),
  opId: z.string().regex(/^l-[a-z0-9]{6,32}$/),
  request: LifecycleRequest,
  actor: LifecycleActor,
  journal: LifecycleJournal.default(LifecycleJournal.parse({})),
  requestedAt: z.number(),
});
export type LifecycleJobData = z.infer<typeof LifecycleJobData>;

/**
 * A service's expiry schedule: which service, and what was already done for which expiry. The
 * expiry itself is read from the service's label every time the job wakes.
 */
export const ExpiryJobData = z.object({
  kind: z.literal('expiry'),
  region: z.string(),
  service: z.string(),
  /** The lifetime Keep adds; absent after a rebuild from labels (EAS_DEFAULT_TTL then). */
  ttl: z.string().optional(),
  /** The expires-at label value the owner was last reminded of. */
  remindedFor: z.string().optional(),
  /** When the owner was last asked after expiry (EAS_TTL_ACTION=remind). */
  askedAt: z.number().optional(),
});
export type ExpiryJobData = z.infer<typeof ExpiryJobData>;
