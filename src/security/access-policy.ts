import type { Config } from '../config.js';

/** Who may deploy, where, and who approves. Empty lists mean "no restriction" (approvers: nobody). */
export interface AccessPolicy {
  readonly allowedUsers: readonly string[];
  readonly allowedUsergroups: readonly string[];
  readonly allowedChannels: readonly string[];
  readonly approvers: readonly string[];
  /** EAS_ADMIN_USERS: may run lifecycle commands on any service the bot made. */
  readonly admins?: readonly string[];
}

export interface AccessRequest {
  readonly userId: string;
  readonly channelId: string;
  /**
   * The allowed user groups the person belongs to, when the groups could be checked.
   * Undefined means "not known" (Slack could not be asked): that never opens the door.
   */
  readonly userGroupsOf?: readonly string[];
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

/** Builds the policy from the validated configuration; lists a caller leaves out restrict nothing. */
export function buildAccessPolicy(
  config: Pick<Config, 'EAS_ALLOWED_USERS' | 'EAS_ALLOWED_CHANNELS'> &
    Partial<Pick<Config, 'EAS_ALLOWED_USERGROUPS' | 'EAS_APPROVERS' | 'EAS_ADMIN_USERS'>>,
): AccessPolicy {
  return {
    allowedUsers: config.EAS_ALLOWED_USERS,
    allowedUsergroups: config.EAS_ALLOWED_USERGROUPS ?? [],
    allowedChannels: config.EAS_ALLOWED_CHANNELS,
    approvers: config.EAS_APPROVERS ?? [],
    admins: config.EAS_ADMIN_USERS ?? [],
  };
}

/** True when the person list is restricted (by user ids, user groups or both). */
export const restrictsPeople = (policy: AccessPolicy): boolean =>
  policy.allowedUsers.length > 0 || policy.allowedUsergroups.length > 0;

/** Decides whether this person may deploy from this channel; a refusal says why, privately. */
export function decideAccess(policy: AccessPolicy, request: AccessRequest): AccessDecision {
  if (policy.allowedChannels.length > 0 && !policy.allowedChannels.includes(request.channelId)) {
    return {
      allowed: false,
      reason:
        'eas-deploy is not enabled in this channel. Ask an administrator which channels it may be used in.',
    };
  }
  if (!restrictsPeople(policy) || policy.allowedUsers.includes(request.userId)) {
    return { allowed: true };
  }
  if (policy.allowedUsergroups.length > 0) {
    if (request.userGroupsOf === undefined) {
      return {
        allowed: false,
        reason:
          'Your user-group membership could not be checked with Slack just now, so the deployment was not started. Try again in a minute.',
      };
    }
    if (request.userGroupsOf.some((group) => policy.allowedUsergroups.includes(group))) {
      return { allowed: true };
    }
  }
  return {
    allowed: false,
    reason:
      'You are not on the list of people who may deploy with eas-deploy. Ask an administrator to add you.',
  };
}

/** Only approvers may read the audit log in Slack; with no approvers configured, nobody may. */
export function canReadAudit(policy: AccessPolicy, userId: string): boolean {
  return policy.approvers.includes(userId);
}

/** The start-up log line that says who may deploy (and says so plainly when everyone may). */
export function describeAccessPolicy(policy: AccessPolicy): string {
  const who = restrictsPeople(policy)
    ? `only ${[
        policy.allowedUsers.length > 0 ? `users ${policy.allowedUsers.join(', ')}` : '',
        policy.allowedUsergroups.length > 0
          ? `members of user groups ${policy.allowedUsergroups.join(', ')}`
          : '',
      ]
        .filter((part) => part !== '')
        .join(' and ')} may deploy`
    : 'everyone may deploy';
  const where =
    policy.allowedChannels.length > 0
      ? `only in channels ${policy.allowedChannels.join(', ')}`
      : 'in any channel';
  const approvers =
    policy.approvers.length > 0
      ? `approvers: ${policy.approvers.join(', ')}`
      : 'no approvers (costly deployments needing approval cannot be approved; nobody reads the audit in Slack)';
  return `Access: ${who}, ${where}; ${approvers}.`;
}
