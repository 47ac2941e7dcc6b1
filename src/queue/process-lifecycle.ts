import { DelayedError, type Job } from 'bullmq';
import { readExpiresAt } from '../lifecycle/expiry.js';
import { findServiceRegion } from '../lifecycle/find-service-region.js';
import { TransientLifecycleError } from '../lifecycle/lifecycle-context.js';
import type { LifecycleJournal, LifecycleOutcome } from '../lifecycle/lifecycle-journal.js';
import { firstWake } from '../lifecycle/plan-expiry.js';
import { runLifecycle } from '../lifecycle/run-lifecycle.js';
import { findServiceThread } from './find-service-thread.js';
import { LifecycleJobData } from './lifecycle-job-data.js';
import type { LifecycleProcessorDeps } from './lifecycle-processor-deps.js';
import { createParkJob } from './park-job.js';
import { reportLifecycleOutcome } from './report-lifecycle-outcome.js';

/**
 * The BullMQ processor of one lifecycle operation: gated, journalled, reported once in the
 * service's thread, audited; a change of expiry moves the service's schedule with it.
 */
export function createLifecycleProcessor(deps: LifecycleProcessorDeps) {
  const now = deps.now ?? Date.now;
  return async (job: Job, token?: string): Promise<LifecycleOutcome | null> => {
    let data = LifecycleJobData.parse(job.data);
    if (data.journal.reportedAt) return null;
    const log = deps.logger.child({ opId: data.opId, action: data.request.action });
    const save = async (journal: LifecycleJournal) => {
      data = { ...data, journal };
      await job.updateData(data);
    };
    const { actor } = data;
    try {
      const run = await runLifecycle(data.request, {
        opId: data.opId,
        cli: deps.cli,
        // Every CLI call of the operation is audited under its id (the runner's audit hook).
        caller: {
          deploymentId: data.opId,
          ...(actor.kind === 'person' ? { userId: actor.userId } : {}),
        },
        journal: data.journal,
        saveJournal: save,
        actor,
        admins: deps.settings.admins,
        defaultLifetime: deps.settings.defaultLifetime,
        findRegion: (service) => findRegion(deps, service),
        deleteNeedsApproval: deps.deleteNeedsApproval,
        now,
        ...(deps.approval && actor.kind === 'person'
          ? {
              approve: async (question) => {
                const thread = await findServiceThread(deps.records, data.journal.facts, actor);
                const park = createParkJob(job, token);
                const ask = deps.approval?.({
                  deploymentId: data.opId,
                  requesterId: actor.userId,
                  region: data.journal.region ?? '',
                  thread: thread ?? { channelId: actor.channelId },
                  park,
                });
                return ask ? ask(question) : { proceed: true };
              },
            }
          : {}),
      });
      await reportLifecycleOutcome(deps, data, run.outcome, () =>
        save({ ...data.journal, reportedAt: now() }),
      );
      await keepSchedule(deps, data, run.outcome);
      log.info({ result: run.outcome.result }, 'lifecycle operation finished');
      return run.outcome;
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      log.warn({ err: error, lastAttempt }, 'lifecycle operation attempt broke');
      if (lastAttempt && !data.journal.reportedAt) {
        const outcome: LifecycleOutcome =
          error instanceof TransientLifecycleError
            ? {
                result: 'failed',
                reason: 'The cloud did not answer after several tries.',
                error: error.message,
              }
            : {
                result: 'failed',
                reason: 'Something broke inside eas-deploy; the logs have the details.',
              };
        await reportLifecycleOutcome(deps, data, outcome, () =>
          save({ ...data.journal, outcome, reportedAt: now() }),
        ).catch(() => undefined);
      }
      throw error;
    }
  };
}

/** The region of the latest deployment of that name through the bot, else the first that lists it. */
async function findRegion(
  deps: LifecycleProcessorDeps,
  service: string,
): Promise<string | undefined> {
  const recent = await deps.records.recent({}, 200).catch(() => []);
  const known = recent.find((r) => r.serviceName === service)?.region;
  const caller = { purpose: 'lifecycle-find' };
  return known ?? findServiceRegion({ cli: deps.cli, caller }, deps.settings.regions, service);
}

/** After a change the service's schedule follows its label; a deleted service has none. */
async function keepSchedule(
  deps: LifecycleProcessorDeps,
  data: LifecycleJobData,
  outcome: LifecycleOutcome,
): Promise<void> {
  const region = data.journal.region;
  if (!region || outcome.result === 'refused') return;
  const { service, action } = data.request;
  if (action === 'delete' && outcome.result === 'done') {
    await deps.schedules.cancel(region, service);
    return;
  }
  const wake = firstWake(
    readExpiresAt(data.journal.facts.expiresAt),
    now(deps),
    deps.settings.remindBeforeMs,
  );
  if (wake === undefined) return;
  const changed = outcome.result === 'done' && (action === 'extend' || action === 'start');
  await deps.schedules.ensure({ region, service }, wake, changed ? 'replace' : 'if-missing');
}

const now = (deps: LifecycleProcessorDeps) => (deps.now ?? Date.now)();
