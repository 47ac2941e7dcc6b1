import type { CliRunner } from '../aliyun/cli-runner.js';
import type { ServicePlan } from './build-service-json.js';
import type { Journal } from './journal.js';
import type { DeploymentResult, StepRecord } from './outcome.js';

/** What the worker gives the engine: the CLI seam, the journal and where to report progress. */
export interface EngineContext {
  readonly deploymentId: string;
  readonly cli: CliRunner;
  readonly journal: Journal;
  /** Persists the journal with the job; awaited before create-service runs. */
  saveJournal(journal: Journal): Promise<void>;
  /** Called whenever a step starts or ends, with the whole checklist so far. */
  onProgress(steps: readonly StepRecord[]): void | Promise<void>;
  readonly signal?: AbortSignal;
  /** Labels create-service puts on the service besides the request id (owner, expiry, channel). */
  readonly labels?: Readonly<Record<string, string>>;
  readonly random?: () => number;
  readonly now?: () => number;
  /** Waits between throttled retries; tests pass one that returns at once. */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Asked after the gates built the service JSON and before create-service (the approval gate).
   * It may park the job (throw BullMQ's DelayedError); "no" ends the deployment before create.
   */
  readonly approve?: (input: ApprovalQuestion) => Promise<ApprovalAnswer>;
}

/** What the approval hook sees: the exact service JSON create-service would send, and its plan. */
export interface ApprovalQuestion {
  readonly serviceJson: string;
  readonly plan: ServicePlan;
}

export type ApprovalAnswer = { proceed: true } | { proceed: false; reason: string };

/** The engine's answer: the result (no secrets) and, separately, the token for the requester only. */
export interface EngineOutcome {
  readonly result: DeploymentResult;
  readonly journal: Journal;
  readonly accessToken?: string;
}
