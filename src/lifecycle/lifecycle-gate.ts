import type { LifecycleService } from '../aliyun/lifecycle-schemas.js';
import { readInstanceType } from '../aliyun/lifecycle-schemas.js';
import type { AccessPolicy } from '../security/access-policy.js';
import { checkAccess } from '../security/check-access.js';
import type { BotLabels } from './bot-labels.js';
import type { LifecycleJournal } from './lifecycle-journal.js';
import { ACTION_WORDS, type LifecycleActor, type LifecycleRequest } from './lifecycle-request.js';

/**
 * Labels first (only the bot's services), then who asks (the service's owner or an admin): the
 * `act-on-service` need of the one access decision (src/security/check-access.ts). The expiry
 * schedule acts for the owner. Answers the refusal's reason, or undefined to go on.
 */
export async function checkLifecycleGate(
  request: LifecycleRequest,
  actor: LifecycleActor,
  policy: Pick<AccessPolicy, 'admins'>,
  labels: BotLabels | undefined,
): Promise<string | undefined> {
  const verb = ACTION_WORDS[request.action].verb;
  if (actor.kind === 'expiry') {
    return labels ? undefined : `\`${request.service}\` no longer carries eas-deploy's labels.`;
  }
  const decision = await checkAccess(
    { allowedUsers: [], allowedUsergroups: [], allowedChannels: [], approvers: [], ...policy },
    undefined,
    {
      userId: actor.userId,
      need: 'act-on-service',
      service: { name: request.service, verb, ...(labels ? { owner: labels.owner } : {}) },
    },
  );
  return decision.allowed ? undefined : decision.reason;
}

/** What the report and the schedule need from the service as read. */
export function rememberFacts(
  journal: LifecycleJournal,
  service: LifecycleService,
  labels: BotLabels,
): void {
  const instanceType = readInstanceType(service);
  journal.facts = {
    owner: labels.owner,
    requestId: labels.requestId,
    status: service.Status,
    ...(labels.channel ? { channel: labels.channel } : {}),
    ...(labels.expiresAtLabel ? { expiresAt: labels.expiresAtLabel } : {}),
    ...(instanceType ? { instanceType } : {}),
    ...(service.TotalInstance != null ? { replicas: service.TotalInstance } : {}),
  };
}
