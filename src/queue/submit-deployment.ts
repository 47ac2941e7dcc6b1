import { randomUUID } from 'node:crypto';
import { SERVICE_NAME_PATTERN } from '../deploy/deploy-spec.js';
import { redactKnownSecrets } from '../redact.js';
import { DEPLOY_JOB_OPTIONS, deploymentIdFor } from './deploy-queue.js';
import type { DeployJobData } from './job-data.js';
import {
  type SubmitAnswer,
  type SubmitDeps,
  SubmitError,
  type SubmitRequest,
  step,
} from './submission.js';
import { confirmOnReplica, undo } from './take-back-submission.js';

/**
 * Turns a validated request into one job: reserve the name, remember it, enqueue once per view.
 * `abandoned` aborts when the person was already told "not queued" (Slack's budget ran out): what
 * Redis answers after that is undone, never queued. Throws a SubmitError naming the failed step.
 */
export async function submitDeployment(
  deps: SubmitDeps,
  request: SubmitRequest,
  abandoned?: AbortSignal,
): Promise<SubmitAnswer> {
  try {
    return await queueOnePress(deps, request, abandoned);
  } catch (error) {
    deps.logger?.warn({ err: error, view: request.viewId }, 'deployment not queued');
    throw error;
  }
}

/** Runs one press under the form's lock, so an earlier press's late undo never meets this one. */
async function queueOnePress(
  deps: SubmitDeps,
  request: SubmitRequest,
  abandoned: AbortSignal | undefined,
): Promise<SubmitAnswer> {
  if (!deps.lock) return queueOnce(deps, request, abandoned);
  const { lock } = deps;
  const deploymentId = deploymentIdFor(request.requester.teamId, request.viewId);
  const pressId = randomUUID();
  const held = await step('hold the form against another press', () =>
    lock.acquire(deploymentId, pressId, 1_000),
  );
  if (!held)
    throw new SubmitError('hold the form', 'an earlier press of Deploy is still being handled');
  try {
    return await queueOnce(deps, request, abandoned);
  } finally {
    await lock
      .release(deploymentId, pressId)
      .catch((err: unknown) =>
        deps.logger?.warn({ err, deploymentId }, 'the form lock stays until it expires'),
      );
  }
}

async function queueOnce(
  deps: SubmitDeps,
  request: SubmitRequest,
  abandoned: AbortSignal | undefined,
): Promise<SubmitAnswer> {
  const { spec, requester } = request;
  const deploymentId = deploymentIdFor(requester.teamId, request.viewId);
  // A prefix request (qwen_*) resolves to a fresh name in the worker; only exact names are reserved here.
  const exactName = SERVICE_NAME_PATTERN.test(spec.serviceName);
  if (exactName) {
    const hold = await step('reserve the name', () =>
      deps.reservations.reserve(spec.region, spec.serviceName, {
        deploymentId,
        userId: requester.userId,
      }),
    );
    if (!hold.ok) return { status: 'name-reserved', byUserId: hold.holder.userId };
    // Held for this very form: "already queued" only while its job is there. A job taken back
    // after a failover, its name hold outliving it, is queued again below.
    if (hold.alreadyHeld && (await step('find its job', () => deps.queue.getJob(deploymentId))))
      return { status: 'already-queued', deploymentId };
  }
  const now = (deps.now ?? Date.now)();
  // Deploy pressed again on the same form (after "not queued", its job taken back while a worker
  // had begun it) is the same deployment: a parent message already posted stays its thread.
  const earlier = await step('read the form’s earlier press', () => deps.records.get(deploymentId));
  const thread = earlier?.parentTs ? { parentTs: earlier.parentTs } : {};
  const data: DeployJobData = {
    deploymentId,
    spec,
    requester,
    channelId: request.channelId,
    journal: { steps: [], createAttempted: false, facts: {} },
    submittedAt: now,
    ...thread,
  };
  const stopIfAbandoned = () => {
    if (abandoned?.aborted) throw new SubmitError('queue it in time', 'Slack was already answered');
  };
  try {
    stopIfAbandoned();
    // The record first: a job must never run without the record the list and token buttons read.
    await step('save the deployment record', () =>
      deps.records.save({
        deploymentId,
        serviceName: spec.serviceName,
        region: spec.region,
        requesterId: requester.userId,
        channelId: request.channelId,
        spec,
        state: 'queued',
        submittedAt: now,
        updatedAt: now,
        ...thread,
      }),
    );
    stopIfAbandoned();
    await step('add the job to the queue', () =>
      deps.queue.add('deploy', redactKnownSecrets(data), {
        ...DEPLOY_JOB_OPTIONS,
        jobId: deploymentId,
      }),
    );
    // Added after the person heard "not queued": take it back before a worker runs it.
    if (abandoned?.aborted)
      await step('take back a late job', () => deps.queue.remove(deploymentId));
    stopIfAbandoned();
    await confirmOnReplica(deps, deploymentId);
  } catch (error) {
    await undo(deps, request, deploymentId, exactName);
    throw error;
  }
  return { status: 'queued', deploymentId };
}
