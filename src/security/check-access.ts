import { type AccessPolicy, restrictsPeople } from './access-policy.js';
import type { UsergroupMembers } from './usergroup-members.js';

/**
 * What a request needs: to `use` the bot (deploy, status, list, the buttons: the allow-lists), to
 * `read-audit` (approvers only), or to `act-on-service`: a lifecycle operation on one service,
 * for services the bot made and their owner or EAS_ADMIN_USERS (the lifecycle job asks, once it
 * has read the service's labels; the middleware has checked `use` before).
 */
export type AccessNeed = 'use' | 'read-audit' | 'act-on-service';

export interface AccessRequest {
  readonly userId: string;
  /** Where it was asked; App Home is no channel, so the channel list does not apply there. */
  readonly channelId?: string;
  readonly need: AccessNeed;
  /** act-on-service: the service, what is asked (`stop`) and its owner label (absent: not ours). */
  readonly service?: { readonly name: string; readonly verb: string; readonly owner?: string };
}

export type AccessDecision =
  | { allowed: true }
  /** `reason` is for the person; `cause` says what failed when Slack could not be asked. */
  | { allowed: false; reason: string; cause?: string };

const ALLOWED: AccessDecision = { allowed: true };

/** The refusals a person reads; the words are part of what tests and the README promise. */
export const REFUSAL = {
  channel:
    'eas-deploy is not enabled in this channel. Ask an administrator which channels it may be used in.',
  person:
    'You are not on the list of people who may deploy with eas-deploy. Ask an administrator to add you.',
  unchecked: (cause: string) =>
    `Your user-group membership could not be checked with Slack just now (${cause}), so nothing was done. Try again in a minute.`,
  audit:
    'Only the approvers of eas-deploy (EAS_APPROVERS) can read the audit log. Ask one of them.',
  notOurs: (name: string, verb: string) =>
    `\`${name}\` was not made by eas-deploy (it has no eas-deploy labels), so I will not ${verb} it.`,
  notOwner: (name: string, verb: string, owner: string) =>
    `Only \`${name}\`'s owner <@${owner}> or an eas-deploy admin (EAS_ADMIN_USERS) may ${verb} it.`,
} as const;

interface RuleInput {
  readonly policy: AccessPolicy;
  readonly members: UsergroupMembers | undefined;
  readonly request: AccessRequest;
}

/** One rule: a refusal, or undefined when it has nothing against the request. */
type Rule = (input: RuleInput) => Promise<AccessDecision | undefined> | AccessDecision | undefined;

const channelRule: Rule = ({ policy, request }) =>
  request.channelId !== undefined &&
  policy.allowedChannels.length > 0 &&
  !policy.allowedChannels.includes(request.channelId)
    ? { allowed: false, reason: REFUSAL.channel }
    : undefined;

/** Users first; user groups are asked of Slack only when they could still let the person in. */
const peopleRule: Rule = async ({ policy, members, request }) => {
  if (!restrictsPeople(policy) || policy.allowedUsers.includes(request.userId)) return undefined;
  if (policy.allowedUsergroups.length === 0) return { allowed: false, reason: REFUSAL.person };
  const membership = members
    ? await members.groupsOf(request.userId, policy.allowedUsergroups)
    : { known: false as const, cause: 'no user-group lookup is configured' };
  if (!membership.known) {
    return { allowed: false, reason: REFUSAL.unchecked(membership.cause), cause: membership.cause };
  }
  return membership.groups.length > 0 ? undefined : { allowed: false, reason: REFUSAL.person };
};

const auditRule: Rule = ({ policy, request }) =>
  policy.approvers.includes(request.userId) ? undefined : { allowed: false, reason: REFUSAL.audit };

/** Only services with the bot's labels, admins included; then their owner and the admins. */
const serviceRule: Rule = ({ policy, request }) => {
  const service = request.service;
  if (!service) return { allowed: false, reason: 'No service was named.' };
  if (service.owner === undefined) {
    return { allowed: false, reason: REFUSAL.notOurs(service.name, service.verb) };
  }
  const allowed =
    request.userId === service.owner || (policy.admins ?? []).includes(request.userId);
  return allowed
    ? undefined
    : { allowed: false, reason: REFUSAL.notOwner(service.name, service.verb, service.owner) };
};

/** The rules each need passes, in order; the first refusal is the answer. */
const RULES: Record<AccessNeed, readonly Rule[]> = {
  use: [channelRule, peopleRule],
  'read-audit': [auditRule],
  'act-on-service': [serviceRule],
};

/**
 * THE access decision of eas-deploy, made once per Slack request by the Bolt middleware
 * (`src/slack/guard-access.ts`): may this person do this here?
 */
export async function checkAccess(
  policy: AccessPolicy,
  members: UsergroupMembers | undefined,
  request: AccessRequest,
): Promise<AccessDecision> {
  for (const rule of RULES[request.need]) {
    const refusal = await rule({ policy, members, request });
    if (refusal) return refusal;
  }
  return ALLOWED;
}
