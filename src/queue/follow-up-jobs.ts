import type { EngineOutcome } from '../deploy/engine-context.js';
import type { Logger } from '../logger.js';
import type { DeployJobData } from './job-data.js';
import type { ProcessorDeps } from './processor-deps.js';

/**
 * Queues what follows a result once it is in the thread (never before), in the step that records
 * it, so a re-run after a crash cannot skip them: the serving watch, and a deployed service's
 * expiry schedule. Neither failing undoes the deployment; each is logged.
 */
export async function queueFollowUpJobs(
  deps: Pick<ProcessorDeps, 'watch' | 'lifetime'>,
  reported: DeployJobData,
  serviceName: string,
  outcome: EngineOutcome,
  log: Logger,
): Promise<void> {
  await deps
    .watch?.(reported, outcome)
    .catch((err: unknown) => log.warn({ err }, 'the serving watch could not be queued'));
  if (outcome.result.result !== 'deployed') return;
  await deps.lifetime
    ?.schedule(reported, serviceName)
    .catch((err: unknown) => log.warn({ err }, 'the expiry schedule could not be set'));
}
