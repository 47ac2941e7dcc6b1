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
