import type { CliRunner } from '../aliyun/cli-runner.js';
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
  readonly random?: () => number;
  readonly now?: () => number;
  /** Waits between throttled retries; tests pass one that returns at once. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The engine's answer: the result (no secrets) and, separately, the token for the requester only. */
export interface EngineOutcome {
  readonly result: DeploymentResult;
  readonly journal: Journal;
  readonly accessToken?: string;
}
