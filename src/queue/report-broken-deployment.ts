import type { Logger } from '../logger.js';
import type { DeploymentAddress } from './deployment-reporter.js';
import type { ProcessorDeps } from './processor-deps.js';

/** What the thread is told and the audit records when a deployment broke for reasons not the person's. */
export interface BrokenCause {
  /** In words a person acts on. */
  readonly reason: string;
  /** A short technical word for the operators (an error name, never a message that could hold a secret). */
  readonly error: string;
}

const INTERNAL_REASON =
  'Something went wrong inside eas-deploy while deploying (not a problem with your request). ' +
  'Check the service in the PAI console before trying again; the operators have the details in the logs.';

/** An unexpected error on the last attempt: only its name goes out, the message may quote a CLI line. */
export const internalError = (error: unknown): BrokenCause => ({
  reason: INTERNAL_REASON,
  error: error instanceof Error ? error.name : 'unknown error',
});

export type BrokenDeploymentDeps = Pick<ProcessorDeps, 'reporter' | 'records' | 'audit'>;

/**
 * Every job ends in a message in its thread, even when something unexpected broke on the last
 * attempt: the thread hears it, the record says failed, the audit has the result.
 */
export async function reportBrokenDeployment(
  deps: BrokenDeploymentDeps,
  address: DeploymentAddress,
  cause: BrokenCause,
  log: Logger,
): Promise<void> {
  await deps.reporter
    .finish(address, {
      result: 'failed',
      step: 'internal',
      reason: cause.reason,
      error: cause.error,
    })
    .catch((e: unknown) => log.error({ err: e }, 'could not report the failure'));
  await deps.records
    .update(address.deploymentId, { state: 'failed' })
    .catch((e: unknown) => log.error({ err: e }, 'the record could not be marked failed'));
  await deps.audit?.append({
    kind: 'result',
    deploymentId: address.deploymentId,
    userId: address.userId,
    result: 'failed',
    detail: `internal: ${cause.error}`,
  });
}
