import type { EngineOutcome } from '../deploy/engine-context.js';
import type { DeployJobData } from './job-data.js';
import type { WatchJobInput } from './watch-job-data.js';

/**
 * The serving watch a finished deployment asks for: a created service is watched until it runs; a
 * deployment that failed after create-service was attempted is diagnosed; anything else (blocked,
 * dry run, failed before create) has no service to look at.
 */
export function buildWatchRequest(
  data: DeployJobData,
  outcome: EngineOutcome,
  now: number,
): WatchJobInput | undefined {
  const { result, journal } = outcome;
  const failedAfterCreate = result.result === 'failed' && journal.createAttempted;
  if (result.result !== 'deployed' && !failedAfterCreate) return undefined;
  const { spec } = data;
  const fact = (key: string) => {
    const value = journal.facts[key];
    return typeof value === 'string' ? value : undefined;
  };
  const instanceType = fact('instanceType') ?? spec.instanceType;
  const modelPath = spec.ossPath ?? spec.nasPath;
  return {
    deploymentId: data.deploymentId,
    channelId: data.channelId,
    userId: data.requester.userId,
    ...(data.parentTs ? { parentTs: data.parentTs } : {}),
    region: spec.region,
    serviceName: journal.resolvedServiceName ?? spec.serviceName,
    kind: result.result === 'deployed' ? 'watch' : 'diagnose',
    image: fact('imageUri') ?? spec.image,
    instanceType,
    port: spec.port,
    ...(spec.command ? { command: spec.command } : {}),
    ...(modelPath ? { modelPath } : {}),
    mountPath: spec.mountPath,
    steps: journal.steps,
    outcome: result.result === 'deployed' ? 'deployed' : 'failed',
    ...(result.result === 'failed'
      ? { failedStep: { step: result.step, reason: result.reason } }
      : {}),
    startedAt: now,
    checks: 0,
    ...(result.result === 'deployed' ? { lastStatus: result.summary.status } : {}),
  };
}
