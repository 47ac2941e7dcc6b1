import { type AccessDecision, type AccessPolicy, decideAccess } from './access-policy.js';
import type { UsergroupMembers } from './usergroup-members.js';

/**
 * The one call the slash command and the view submission make before doing anything: asks Slack
 * for user-group membership only when the decision depends on it.
 */
export async function checkAccess(
  policy: AccessPolicy,
  members: UsergroupMembers | undefined,
  who: { readonly userId: string; readonly channelId: string },
): Promise<AccessDecision> {
  const first = decideAccess(policy, { ...who, userGroupsOf: [] });
  const groupsMatter =
    !first.allowed &&
    policy.allowedUsergroups.length > 0 &&
    decideAccess(policy, { ...who, userGroupsOf: policy.allowedUsergroups }).allowed;
  if (!groupsMatter) return first;
  const userGroupsOf = members
    ? await members.groupsOf(who.userId, policy.allowedUsergroups)
    : undefined;
  return decideAccess(policy, { ...who, ...(userGroupsOf ? { userGroupsOf } : {}) });
}
