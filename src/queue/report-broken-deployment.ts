import type { Logger } from '../logger.js';
import type { DeploymentAddress } from '../report/reporter.js';
import type { ProcessorDeps } from './processor-deps.js';

const REASON =
  'Something went wrong inside eas-deploy while deploying (not a problem with your request). ' +
  'Check the service in the PAI console before trying again; the operators have the details in the logs.';

/**
 * Every job ends in a message in its thread, even when something unexpected broke on the last
 * attempt: the thread hears it, the record says failed, the audit has the result.
 */
export async function reportBrokenDeployment(
  deps: ProcessorDeps,
  address: DeploymentAddress,
  error: unknown,
  log: Logger,
): Promise<void> {
  const detail = error instanceof Error ? error.name : 'unknown error';
  await deps.reporter
    .finish(address, { result: 'failed', step: 'internal', reason: REASON, error: detail })
    .catch((e: unknown) => log.error({ err: e }, 'could not report the failure'));
  await deps.records.update(address.deploymentId, { state: 'failed' }).catch(() => {});
  await deps.audit?.append({
    kind: 'result',
    deploymentId: address.deploymentId,
    userId: address.userId,
    result: 'failed',
    detail: `internal: ${detail}`,
  });
}
