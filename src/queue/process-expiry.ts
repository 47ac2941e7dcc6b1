import { DelayedError, type Job } from 'bullmq';
import { buildReminderMessage } from '../../blocks/lifecycle-messages.js';
import { buildLifecycleUserAgent } from '../aliyun/lifecycle-commands.js';
import { type LifecycleService, readInstanceType } from '../aliyun/lifecycle-schemas.js';
import { type BotLabels, readBotLabels } from '../lifecycle/bot-labels.js';
import { describeExpiry } from '../lifecycle/describe-service-line.js';
import { keepDuration } from '../lifecycle/lifecycle-settings.js';
import { planExpiry } from '../lifecycle/plan-expiry.js';
import { describeCost } from '../lifecycle/price-table.js';
import { readService } from '../lifecycle/read-service.js';
import { isRunningLike } from '../lifecycle/service-status.js';
import { findServiceThread } from './find-service-thread.js';
import { ExpiryJobData } from './lifecycle-job-data.js';
import type { LifecycleProcessorDeps } from './lifecycle-processor-deps.js';
import { lifecycleOpId } from './lifecycle-queue.js';

/**
 * The expiry schedule of one service: wakes, reads the expiry label (the cloud's truth), reminds
 * the owner once per expiry, and at expiry queues one stop (EAS_TTL_ACTION=stop) or asks again;
 * then parks itself until its next moment. A service that is gone or no longer the bot's ends it.
 */
export function createExpiryProcessor(deps: LifecycleProcessorDeps) {
  const now = deps.now ?? Date.now;
  return async (job: Job, token?: string): Promise<string> => {
    let data = ExpiryJobData.parse(job.data);
    const t = { region: data.region, userAgent: buildLifecycleUserAgent('expiry') };
    const read = await readService(
      { cli: deps.cli, caller: { purpose: 'expiry' } },
      t,
      data.service,
    );
    if (read.kind === 'error') throw new Error(`describe-service failed: ${read.error.message}`);
    if (read.kind === 'absent') return 'gone';
    const labels = readBotLabels(read.service.Labels);
    if (!labels) return 'not ours';
    const at = now();
    const settings = deps.settings;
    const step = planExpiry({
      expiresAt: labels.expiresAt,
      label: labels.expiresAtLabel ?? '',
      ...(data.remindedFor ? { remindedFor: data.remindedFor } : {}),
      ...(data.askedAt ? { askedAt: data.askedAt } : {}),
      running: isRunningLike(read.service.Status),
      now: at,
      remindBeforeMs: settings.remindBeforeMs,
      ttlAction: settings.ttlAction,
    });
    const save = async (patch: Partial<ExpiryJobData>) => {
      data = { ...data, ...patch };
      await job.updateData(data);
    };
    if (step.act === 'remind' || step.act === 'ask') {
      await remind(deps, data, read.service, labels, at);
      await save(
        step.act === 'remind' ? { remindedFor: labels.expiresAtLabel ?? '' } : { askedAt: at },
      );
    }
    if (step.act === 'stop') {
      const label = labels.expiresAtLabel ?? '';
      await deps.enqueue({
        kind: 'action',
        // One stop per service and expiry, however often this job runs.
        opId: lifecycleOpId(['expiry', data.region, data.service, label]),
        request: { action: 'stop', service: data.service, region: data.region },
        actor: { kind: 'expiry' },
        journal: { facts: {} },
        requestedAt: at,
      });
    }
    if (step.wakeAt === undefined) return step.act;
    await job.moveToDelayed(step.wakeAt, token);
    throw new DelayedError();
  };
}

/** The question to the owner, in the thread and privately: Keep for the lifetime again, or Stop now. */
async function remind(
  deps: LifecycleProcessorDeps,
  data: ExpiryJobData,
  service: LifecycleService,
  labels: BotLabels,
  at: number,
): Promise<void> {
  const instanceType = readInstanceType(service);
  const cost = describeCost(deps.settings.priceTable, {
    ...(instanceType ? { instanceType } : {}),
    replicas: service.TotalInstance ?? 1,
    ...(labels.expiresAt ? { expiresAt: labels.expiresAt } : {}),
    now: at,
  });
  const expired = labels.expiresAt && !labels.expiresAt.never ? labels.expiresAt.at <= at : false;
  const message = buildReminderMessage({
    service: data.service,
    region: data.region,
    owner: labels.owner,
    expiry: describeExpiry(labels.expiresAt, at),
    ttl: keepDuration(data.ttl, deps.settings),
    expiresAtLabel: labels.expiresAtLabel ?? '',
    expired,
    atExpiry: deps.settings.ttlAction,
    ...(cost ? { cost } : {}),
  });
  const thread = await findServiceThread(deps.records, labels);
  if (thread) await deps.reporter.post(thread, message);
  // The thread has it already: a failed DM is logged, not retried (that would remind twice).
  await deps.reporter
    .tellPrivately(labels.owner, message)
    .catch((err: unknown) => deps.logger.warn({ err }, 'the private reminder could not be sent'));
}
