import type { DeploymentResult, StepRecord } from '../deploy/outcome.js';
import type { Diagnosis } from '../serving/diagnose-service.js';
import type { ServingVerdict } from '../serving/read-probe-result.js';

/** Who asked, and where their deployment's messages go. Part of the job data; no secrets. */
export interface DeploymentAddress {
  readonly deploymentId: string;
  readonly channelId: string;
  readonly userId: string;
  readonly serviceName: string;
  readonly region: string;
  /** The parent message once posted; every later message goes in its thread. */
  readonly parentTs?: string;
  /** A dry run: its messages say it checks, never that it deploys. */
  readonly dryRun?: boolean;
}

/** The parent message during the serving watch: its checklist, how the deployment ended, one status line. */
export interface ParentStatus {
  readonly steps: readonly StepRecord[];
  readonly outcome: 'deployed' | 'failed';
  readonly line: string;
}

/** What the serving watch found, for the deployment's thread. */
export type ServingReport =
  | { readonly kind: 'probe'; readonly verdict: ServingVerdict; readonly curl?: string }
  | { readonly kind: 'diagnosis'; readonly diagnosis: Diagnosis };

/** The worker's way out to people: the Slack reporter in production, a recorder in tests. */
export interface DeploymentReporter {
  /** Posts the parent message if it is not there yet; returns its ts. */
  start(address: DeploymentAddress): Promise<string>;
  /**
   * The parent a run may have posted before its ts was lost (a Redis failover), looked up in the
   * channel among messages since `sinceMs`; undefined when there is none.
   */
  findStart(address: DeploymentAddress, sinceMs: number): Promise<string | undefined>;
  /** Edits the parent message in place with the checklist. */
  progress(address: DeploymentAddress, steps: readonly StepRecord[]): Promise<void>;
  /**
   * Posts the result in the thread, the token privately to the requester (never in the channel),
   * and one line to the notify channel. `onPosted` runs once the result is in the thread, before
   * the rest, so the caller can record that it was reported.
   */
  finish(
    address: DeploymentAddress,
    result: DeploymentResult,
    accessToken?: string,
    onPosted?: () => Promise<void>,
  ): Promise<void>;
  /** Edits the parent's status line while the watch follows the service (coalesced; an edit may be shed). */
  status(address: DeploymentAddress, status: ParentStatus): Promise<void>;
  /** Posts the watch's answer in the thread and the parent's final status line (never shed). */
  serving(address: DeploymentAddress, report: ServingReport, status: ParentStatus): Promise<void>;
}
