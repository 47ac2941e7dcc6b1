import type { Queue } from 'bullmq';
import type { DeploySpec } from '../deploy/deploy-spec.js';
import type { Logger } from '../logger.js';
import type { DeploymentRecords } from './deployment-records.js';
import type { DeployJobData } from './job-data.js';
import type { NameReservations } from './name-reservations.js';
import type { SubmissionLock } from './submission-lock.js';

export interface SubmitRequest {
  readonly spec: DeploySpec;
  readonly requester: { readonly userId: string; readonly teamId?: string };
  readonly channelId: string;
  readonly viewId: string;
}

/** What the person hears; `unavailable` is the Slack listener's when the queue failed or was late. */
export type SubmitAnswer =
  | { status: 'queued' | 'already-queued'; deploymentId: string }
  | { status: 'name-reserved'; byUserId: string }
  | { status: 'unavailable'; message: string; advice?: string };

export interface SubmitDeps {
  readonly queue: Queue<DeployJobData>;
  readonly reservations: NameReservations;
  readonly records: DeploymentRecords;
  /**
   * True once a replica holds the record, the job and the name hold (WAIT); absent = not asked.
   * A submission no replica confirmed is taken back: a failover now would lose it in silence.
   */
  readonly confirmReplicated?: () => Promise<boolean>;
  /** One press of Deploy at a time per form, held through a late undo; absent = no lock. */
  readonly lock?: SubmissionLock;
  /** Where a submission that failed, and what could not be undone, are logged with their cause. */
  readonly logger?: Logger;
  readonly now?: () => number;
}

/** A submission that failed at one step: `message` says which and why; `advice` what to do now. */
export class SubmitError extends Error {
  constructor(
    step: string,
    cause: unknown,
    readonly advice = 'Try again in a minute.',
  ) {
    super(`could not ${step} (${describeCause(cause)})`, { cause });
  }
}

/** Redis's own words, except ioredis's retry-option text, which tells a person nothing. */
function describeCause(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  return /maxRetriesPerRequest|Connection is closed|ECONNREFUSED/.test(text)
    ? 'Redis did not answer'
    : text;
}

/** Runs one step of the submission; a failure names the step. */
export async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof SubmitError ? error : new SubmitError(what, error);
  }
}
