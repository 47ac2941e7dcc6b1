import type { CliRunner } from '../aliyun/cli-runner.js';
import type { DeploySpec } from '../deploy/deploy-spec.js';
import type {
  ApprovalAnswer,
  ApprovalQuestion,
  EngineContext,
  EngineOutcome,
} from '../deploy/engine-context.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { AuditLog } from '../security/audit-log.js';
import type { ApprovalJob } from './approval-hook.js';
import type { DeployLifetime } from './deploy-lifetime.js';
import type { DeploymentRecords } from './deployment-records.js';
import type { DeploymentReporter } from './deployment-reporter.js';
import type { JobFence } from './fence-job.js';
import type { DeployJobData } from './job-data.js';
import type { NameReservations } from './name-reservations.js';
import type { RegionSlots } from './region-slots.js';

export type RunDeployment = (spec: DeploySpec, ctx: EngineContext) => Promise<EngineOutcome>;

export interface ProcessorDeps {
  readonly cli: CliRunner;
  readonly runDeployment: RunDeployment;
  readonly reporter: DeploymentReporter;
  readonly records: DeploymentRecords;
  readonly reservations: NameReservations;
  readonly slots: RegionSlots;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  /** Aborted on SIGTERM: the running step finishes, then the job goes back to the queue to resume. */
  readonly stopping?: AbortSignal;
  /** How long a job waits before asking again for a busy region's slot. */
  readonly slotRetryMs?: number;
  /** Every CLI step and the result are recorded here (redacted). */
  readonly audit?: AuditLog;
  /** The approval gate between the gates and create-service, built per job. */
  readonly approval?: (job: ApprovalJob) => (question: ApprovalQuestion) => Promise<ApprovalAnswer>;
  /** The serving watch (EAS_PROBE=on), asked for once the result is in the thread, never before. */
  readonly watch?: (data: DeployJobData, outcome: EngineOutcome) => Promise<void>;
  /** Checked before the parent message and before create-service: still ours, and on a replica. */
  readonly fence?: JobFence;
  /** The service's lifetime: labels at create, the summary's expiry line, the schedule after it. */
  readonly lifetime?: DeployLifetime;
}
