import { DelayedError, type Job } from 'bullmq';
import type { DeploymentResult } from '../deploy/outcome.js';
import { redactKnownSecrets } from '../redact.js';
import { describeResultForAudit } from './audit-result.js';
import { deferAttempt, ShuttingDownError } from './defer-attempt.js';
import type { DeploymentAddress } from './deployment-reporter.js';
import { ensureParent } from './ensure-parent.js';
import { assertJobHeld } from './fence-job.js';
import { queueFollowUpJobs } from './follow-up-jobs.js';
import { addressOf, DeployJobData } from './job-data.js';
import { createParkJob } from './park-job.js';
import type { ProcessorDeps } from './processor-deps.js';
import { recordDeployment, recordQueueWait } from './record-deployment.js';
import { internalError, reportBrokenDeployment } from './report-broken-deployment.js';

const STATE_OF: Record<DeploymentResult['result'], 'deployed' | 'dry-run' | 'blocked' | 'failed'> =
  {
    deployed: 'deployed',
    'dry-run': 'dry-run',
    blocked: 'blocked',
    failed: 'failed',
  };

/** The BullMQ processor: one deployment, resumable from its journal, always ending in a thread message. */
export function createDeploymentProcessor(deps: ProcessorDeps) {
  return async (
    job: Job<DeployJobData>,
    token?: string,
    signal?: AbortSignal,
  ): Promise<DeploymentResult | null> => {
    let data = DeployJobData.parse(job.data);
    // A re-run after the final message went out (crash before completion): nothing left to do.
    if (data.reportedAt) return null;
    const { deploymentId, spec } = data;
    if (!(await deps.slots.tryAcquire(spec.region, deploymentId))) {
      const waitMs = (deps.slotRetryMs ?? 2_000) + Math.floor(Math.random() * 500);
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    const log = deps.logger.child({ deploymentId, region: spec.region, service: spec.serviceName });
    const hold = () => assertJobHeld(deps.fence, job, token);
    const save = async (next: DeployJobData) => {
      data = next;
      await job.updateData(redactKnownSecrets(next));
      // create-service follows this save: only the job's owner, with the journal on a replica, goes on.
      if (next.journal.createAttempted && !next.journal.serviceId) await hold();
    };
    let address: DeploymentAddress = addressOf(data);
    let finished = false;
    let lost = false;
    try {
      await hold();
      if (!address.parentTs) {
        address = { ...address, parentTs: await ensureParent(deps.reporter, data, save, hold) };
      }
      await deps.records.update(deploymentId, {
        state: 'running',
        ...(address.parentTs ? { parentTs: address.parentTs } : {}),
      });
      log.info({ attempt: job.attemptsMade + 1 }, 'deployment started');
      if (deps.metrics && job.attemptsMade === 0) recordQueueWait(deps.metrics, job);
      const parkJob = createParkJob(job, token);
      const approve = deps.approval?.({
        deploymentId,
        requesterId: data.requester.userId,
        region: spec.region,
        thread: {
          channelId: address.channelId,
          ...(address.parentTs ? { threadTs: address.parentTs } : {}),
        },
        ...(deps.lifetime?.neverExpires(data) ? { neverExpires: true } : {}),
        park: async (until, decidedMeanwhile) => {
          // `/eas-deploy list` and App Home show that the deployment waits for an approver.
          await deps.records.update(deploymentId, { state: 'awaiting-approval' });
          return parkJob(until, decidedMeanwhile);
        },
      });
      const outcome = await deps.runDeployment(spec, {
        deploymentId,
        cli: deps.cli,
        ...(approve ? { approve } : {}),
        ...(deps.lifetime ? { labels: deps.lifetime.labelsFor(data) } : {}),
        journal: data.journal,
        saveJournal: (journal) => save({ ...data, journal }),
        onProgress: (steps) => {
          // Between steps is the one safe place to stop: the journal was saved before create.
          if (deps.stopping?.aborted) throw new ShuttingDownError();
          return deps.reporter.progress(address, steps);
        },
        ...(signal ? { signal } : {}),
      });
      address = {
        ...address,
        serviceName: outcome.journal.resolvedServiceName ?? address.serviceName,
      };
      const serviceStatus =
        outcome.result.result === 'deployed' ? outcome.result.summary.status : undefined;
      // Saved the moment the result is in the thread (before the token and notify line), so a
      // worker killed after that never posts the summary a second time.
      const markReported = async () => {
        if (finished) return;
        finished = true;
        await save({ ...data, journal: outcome.journal, reportedAt: Date.now() });
        await deps.records.update(deploymentId, {
          state: STATE_OF[outcome.result.result],
          serviceName: address.serviceName,
          ...(serviceStatus ? { serviceStatus } : {}),
        });
        const reported = { ...data, ...(address.parentTs ? { parentTs: address.parentTs } : {}) };
        await queueFollowUpJobs(deps, reported, address.serviceName, outcome, log);
      };
      const shown = deps.lifetime
        ? deps.lifetime.annotate(
            outcome.result,
            data,
            outcome.journal.facts.instanceType?.toString(),
          )
        : outcome.result;
      // A worker that lost the job in a failover must not post a second ending to the thread.
      await hold();
      await deps.reporter.finish(address, shown, outcome.accessToken, markReported);
      await markReported();
      if (deps.metrics) recordDeployment(deps.metrics, outcome.result, outcome.journal.steps);
      await deps.audit?.append({
        kind: 'result',
        deploymentId,
        userId: data.requester.userId,
        ...describeResultForAudit(outcome.result),
      });
      log.info({ result: outcome.result.result }, 'deployment finished');
      return outcome.result;
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      const next = await deferAttempt(job, token, error, log, deps.slotRetryMs ?? 2_000);
      if (next === 'lost') lost = true;
      if (next !== 'failed') throw new DelayedError();
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      log.error({ err: error, lastAttempt }, 'deployment attempt broke');
      if (lastAttempt && !finished) {
        finished = true;
        await reportBrokenDeployment(deps, address, internalError(error), log);
      }
      throw error;
    } finally {
      if (!lost)
        await deps.slots
          .release(spec.region, deploymentId)
          .catch((err: unknown) =>
            log.warn({ err }, 'region slot not released; its lease will expire'),
          );
      if (finished) {
        await deps.reservations
          .release(spec.region, spec.serviceName, deploymentId)
          .catch((err: unknown) =>
            log.warn({ err }, 'name not released; its reservation will expire'),
          );
      }
    }
  };
}
