import { type SubmitDeps, SubmitError, type SubmitRequest, step } from './submission.js';

/** Nothing half-queued: the record is closed and the name given back; what cannot be is logged. */
export async function undo(
  deps: SubmitDeps,
  { spec }: SubmitRequest,
  deploymentId: string,
  exactName: boolean,
): Promise<void> {
  await deps.records
    .update(deploymentId, { state: 'failed' })
    .catch((err: unknown) =>
      deps.logger?.warn(
        { err, deploymentId },
        'could not mark the record of a deployment not queued as failed',
      ),
    );
  if (!exactName) return;
  await deps.reservations
    .release(spec.region, spec.serviceName, deploymentId)
    .catch((err: unknown) =>
      deps.logger?.warn(
        { err, deploymentId, service: spec.serviceName },
        'the name of a deployment not queued stays reserved until its reservation expires',
      ),
    );
}

/** A replica holds the submission before the person hears "queued"; else it is taken back. */
export async function confirmOnReplica(deps: SubmitDeps, deploymentId: string): Promise<void> {
  const { confirmReplicated } = deps;
  if (!confirmReplicated) return;
  const confirmed = await confirmReplicated().catch(() => false);
  if (confirmed) return;
  await step('take back an unconfirmed job', () => deps.queue.remove(deploymentId));
  throw new SubmitError(
    'confirm your request on a second Redis server',
    'no replica answered',
    'Redis may be failing over: submit again in a few seconds.',
  );
}
