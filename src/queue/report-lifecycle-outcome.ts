import { buildOutcomeMessage } from '../../blocks/lifecycle-messages.js';
import { describeExpiry } from '../lifecycle/describe-service-line.js';
import { readExpiresAt } from '../lifecycle/expiry.js';
import type { LifecycleOutcome } from '../lifecycle/lifecycle-journal.js';
import { ACTION_WORDS } from '../lifecycle/lifecycle-request.js';
import { findServiceThread } from './find-service-thread.js';
import type { LifecycleJobData } from './lifecycle-job-data.js';
import type { LifecycleProcessorDeps } from './lifecycle-processor-deps.js';

/**
 * Tells the outcome: a refusal privately to the person who asked (and audited as a denial),
 * everything else in the service's thread. `onPosted` records that it was said, before the audit.
 */
export async function reportLifecycleOutcome(
  deps: LifecycleProcessorDeps,
  data: LifecycleJobData,
  outcome: LifecycleOutcome,
  onPosted: () => Promise<void>,
): Promise<void> {
  const { request, actor, journal } = data;
  const now = (deps.now ?? Date.now)();
  const expiresAt = readExpiresAt(journal.facts.expiresAt);
  const showExpiry =
    outcome.result === 'done' && (request.action === 'extend' || request.action === 'start');
  const message = buildOutcomeMessage({
    verb: ACTION_WORDS[request.action].verb,
    doneWord: ACTION_WORDS[request.action].done,
    service: request.service,
    region: journal.region ?? request.region ?? '',
    outcome,
    opId: data.opId,
    ...(actor.kind === 'person' ? { userId: actor.userId } : {}),
    ...(showExpiry && expiresAt ? { expiry: describeExpiry(expiresAt, now) } : {}),
    ...(actor.kind === 'expiry' && outcome.result === 'done'
      ? {
          note: `It reached its expiry (EAS_TTL_ACTION=stop); it was stopped, not deleted. \`/eas-deploy start ${request.service}\` runs it again with a fresh lifetime.`,
        }
      : {}),
  });
  const asker = actor.kind === 'person' ? actor : undefined;
  if (outcome.result === 'refused' && asker) {
    const where = asker.channelId ? { channelId: asker.channelId } : undefined;
    await deps.reporter.tellPrivately(asker.userId, message, where);
    await onPosted();
    await deps.audit?.append({
      kind: 'denial',
      deploymentId: data.opId,
      userId: asker.userId,
      channelId: asker.channelId,
      action: `lifecycle ${request.action} ${request.service}`,
      reason: outcome.reason,
    });
    return;
  }
  const thread = await findServiceThread(deps.records, journal.facts, actor);
  if (thread) await deps.reporter.post(thread, message);
  else if (asker) await deps.reporter.tellPrivately(asker.userId, message);
  await onPosted();
  await deps.audit?.append({
    kind: 'result',
    deploymentId: data.opId,
    ...(asker ? { userId: asker.userId } : {}),
    result: `${request.action} ${outcome.result}`,
    detail: `${request.service} in ${journal.region ?? '?'}: ${'reason' in outcome ? outcome.reason : outcome.detail}`,
  });
}
