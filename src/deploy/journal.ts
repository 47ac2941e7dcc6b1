import { z } from 'zod';
import { StepRecord } from './outcome.js';

/**
 * The step journal, kept with the job in Redis (job.data.journal) so that a job resumed after a
 * crash knows what already happened. `createAttempted` is written before create-service is called.
 */
export const Journal = z.object({
  steps: z.array(StepRecord).default([]),
  /** Set (and saved) before create-service runs: a resumed job must reconcile, never create again. */
  createAttempted: z.boolean().default(false),
  serviceId: z.string().optional(),
  /** The name actually used (a `prefix_*` request resolves to one name, once). */
  resolvedServiceName: z.string().optional(),
  /** Small facts found by read-only steps (workspace id, chosen image, instance type); no secrets. */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
});
export type Journal = z.infer<typeof Journal>;

export const emptyJournal = (): Journal => Journal.parse({});
