import type { DeploymentResult, StepRecord } from '../deploy/outcome.js';
import type { Metrics } from '../observability/metrics.js';

/** Records one finished deployment: a count by result and the duration of every finished step. */
export function recordDeployment(
  metrics: Metrics,
  result: DeploymentResult,
  steps: readonly StepRecord[],
): void {
  metrics.countDeployment(result.result);
  for (const step of steps) {
    if (step.status === 'running' || step.startedAt === undefined) continue;
    if (step.finishedAt === undefined) continue;
    metrics.observeStep(step.id, step.status, Math.max(0, step.finishedAt - step.startedAt) / 1000);
  }
}

/** Records how long a job waited: BullMQ's `job.timestamp` (enqueued) to `job.processedOn` (started), in ms. */
export function recordQueueWait(
  metrics: Metrics,
  job: { timestamp: number; processedOn?: number | undefined },
): void {
  if (job.processedOn === undefined) return;
  metrics.observeQueueWait((job.processedOn - job.timestamp) / 1000);
}
