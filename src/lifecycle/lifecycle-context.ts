import type { CallerTag, CliRunner } from '../aliyun/cli-runner.js';
import type { ApprovalAnswer } from '../deploy/engine-context.js';
import type { Lifetime } from '../parse-duration.js';
import type { LifecycleJournal } from './lifecycle-journal.js';
import type { LifecycleActor } from './lifecycle-request.js';

/** What an approver is asked about: the gate's terms (approval-gate.ts), bound to this exact change. */
export interface LifecycleApproval {
  /** The exact change as JSON (action, region, service, its ServiceId, the target): its hash is bound. */
  readonly serviceJson: string;
  readonly gpuCount: number;
  readonly replicas: number;
  readonly instanceType: string;
  readonly summary: string;
  /** Set when the need is not the rules' (delete: whenever approvers are configured). */
  readonly need?: { needed: boolean; why: string };
  readonly wording: { what: string; unchanged: string };
}

/** What the worker gives a lifecycle operation: the CLI seam, its journal, who asks, and the rules. */
export interface LifecycleContext {
  readonly opId: string;
  readonly cli: CliRunner;
  /** Who the CLI calls are for, in their audit entries (the operation's id). */
  readonly caller?: CallerTag;
  readonly journal: LifecycleJournal;
  /** Persists the journal with the job; awaited before the changing call. */
  saveJournal(journal: LifecycleJournal): Promise<void>;
  readonly actor: LifecycleActor;
  /** EAS_ADMIN_USERS. */
  readonly admins: readonly string[];
  /** EAS_DEFAULT_TTL: Extend without a duration, and a new lifetime for a service started after expiry. */
  readonly defaultLifetime: Lifetime;
  /** The region of a service when the request names none (its deployment's, or the first that has it). */
  findRegion(service: string): Promise<string | undefined>;
  /** The approval gate; it may park the job (BullMQ DelayedError). Absent: nothing needs approval. */
  readonly approve?: (question: LifecycleApproval) => Promise<ApprovalAnswer>;
  /** Deleting asks an approver (EAS_APPROVERS is set). */
  readonly deleteNeedsApproval: boolean;
  readonly now: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly signal?: AbortSignal;
}

/** A CLI failure worth a retry (timeout, network, a 5xx): BullMQ runs the job again from its journal. */
export class TransientLifecycleError extends Error {
  readonly code = 'lifecycle_transient';
}
