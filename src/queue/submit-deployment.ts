import type { Queue } from 'bullmq';
import type { DeploySpec } from '../deploy/deploy-spec.js';
import { SERVICE_NAME_PATTERN } from '../deploy/deploy-spec.js';
import { redactKnownSecrets } from '../redact.js';
import { DEPLOY_JOB_OPTIONS, deploymentIdFor } from './deploy-queue.js';
import type { DeploymentRecords } from './deployment-records.js';
import type { DeployJobData } from './job-data.js';
import type { NameReservations } from './name-reservations.js';

export interface SubmitRequest {
  readonly spec: DeploySpec;
  readonly requester: { readonly userId: string; readonly teamId?: string };
  readonly channelId: string;
  readonly viewId: string;
}

export type SubmitAnswer =
  | { status: 'queued' | 'already-queued'; deploymentId: string }
  | { status: 'name-reserved'; byUserId: string }
  | { status: 'unavailable'; message: string };

export interface SubmitDeps {
  readonly queue: Queue<DeployJobData>;
  readonly reservations: NameReservations;
  readonly records: DeploymentRecords;
  /** Slack waits 3 s for the ack; past this the person is told the queue is unavailable. */
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

const UNAVAILABLE =
  'The deployment queue is unavailable right now (Redis does not answer). Nothing was queued; please try again in a minute.';

/** Turns a validated request into one job: reserve the name, enqueue once per view, remember it. */
export async function submitDeployment(
  deps: SubmitDeps,
  request: SubmitRequest,
): Promise<SubmitAnswer> {
  // Set when the person was already told "not queued": late Redis answers must then undo, not queue.
  const abandoned = { value: false };
  const work = enqueue(deps, request, abandoned);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<SubmitAnswer>((resolve) => {
    timer = setTimeout(() => {
      abandoned.value = true;
      resolve({ status: 'unavailable', message: UNAVAILABLE });
    }, deps.timeoutMs ?? 2_000);
  });
  try {
    return await Promise.race([
      work.catch(() => ({ status: 'unavailable', message: UNAVAILABLE }) as const),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

class AbandonedError extends Error {}

async function enqueue(
  deps: SubmitDeps,
  request: SubmitRequest,
  abandoned: { readonly value: boolean },
): Promise<SubmitAnswer> {
  const { spec, requester } = request;
  const deploymentId = deploymentIdFor(requester.teamId, request.viewId);
  // A prefix request (qwen_*) resolves to a fresh name in the worker; only exact names are reserved here.
  const exactName = SERVICE_NAME_PATTERN.test(spec.serviceName);
  if (exactName) {
    const hold = await deps.reservations.reserve(spec.region, spec.serviceName, {
      deploymentId,
      userId: requester.userId,
    });
    if (!hold.ok) return { status: 'name-reserved', byUserId: hold.holder.userId };
    if (hold.alreadyHeld) return { status: 'already-queued', deploymentId };
  }
  const now = (deps.now ?? Date.now)();
  const data: DeployJobData = {
    deploymentId,
    spec,
    requester,
    channelId: request.channelId,
    journal: { steps: [], createAttempted: false, facts: {} },
    submittedAt: now,
  };
  const stopIfAbandoned = () => {
    if (abandoned.value) throw new AbandonedError('the submission timed out');
  };
  try {
    stopIfAbandoned();
    // The record first: a job must never run without the record the list and token buttons read.
    await deps.records.save({
      deploymentId,
      serviceName: spec.serviceName,
      region: spec.region,
      requesterId: requester.userId,
      channelId: request.channelId,
      spec,
      state: 'queued',
      submittedAt: now,
      updatedAt: now,
    });
    stopIfAbandoned();
    await deps.queue.add('deploy', redactKnownSecrets(data), {
      ...DEPLOY_JOB_OPTIONS,
      jobId: deploymentId,
    });
    if (abandoned.value) {
      // Added after the person heard "not queued": take it back before a worker runs it.
      await deps.queue.remove(deploymentId);
      throw new AbandonedError('the submission timed out');
    }
  } catch (error) {
    // Nothing half-queued: give the name back (and close the record) when the job is not queued.
    if (abandoned.value)
      await deps.records.update(deploymentId, { state: 'failed' }).catch(() => {});
    if (exactName)
      await deps.reservations.release(spec.region, spec.serviceName, deploymentId).catch(() => {});
    throw error;
  }
  return { status: 'queued', deploymentId };
}
