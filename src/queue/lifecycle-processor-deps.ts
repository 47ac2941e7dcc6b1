import type { CliRunner } from '../aliyun/cli-runner.js';
import type { ApprovalAnswer } from '../deploy/engine-context.js';
import type { LifecycleApproval } from '../lifecycle/lifecycle-context.js';
import type { LifecycleSettings } from '../lifecycle/lifecycle-settings.js';
import type { Logger } from '../logger.js';
import type { AuditLog } from '../security/audit-log.js';
import type { ApprovalJob } from './approval-hook.js';
import type { DeploymentRecords } from './deployment-records.js';
import type { ExpirySchedules } from './expiry-schedules.js';
import type { LifecycleJobData } from './lifecycle-job-data.js';
import type { LifecycleReporter } from './lifecycle-reporter.js';

/** What the lifecycle and expiry jobs need from the worker. */
export interface LifecycleProcessorDeps {
  readonly cli: CliRunner;
  readonly reporter: LifecycleReporter;
  readonly records: DeploymentRecords;
  readonly schedules: ExpirySchedules;
  readonly settings: LifecycleSettings;
  /** Queues a lifecycle operation (the expiry's stop); a second add of one id is dropped. */
  readonly enqueue: (data: LifecycleJobData) => Promise<void>;
  readonly logger: Logger;
  readonly audit?: AuditLog;
  /** The approval gate per job (delete with approvers; scale/restart by the deployment rules). */
  readonly approval?: (job: ApprovalJob) => (q: LifecycleApproval) => Promise<ApprovalAnswer>;
  /** EAS_APPROVERS is set: a delete waits for an approver's click. */
  readonly deleteNeedsApproval: boolean;
  readonly now?: () => number;
}
