import type { webApi } from '@slack/bolt';
import { checkAccess } from '../security/check-access.js';
import { createUsergroupMembers, type UsergroupMembers } from '../security/usergroup-members.js';
import type { ListenerDeps } from './listener-deps.js';
import { withinBudget } from './within-budget.js';

/** How long a membership question to Slack may take before the person is refused (ack is due at 3 s). */
const USERGROUP_BUDGET_MS = 1_500;

export type AccessAnswer = { ok: true } | { ok: false; message: string };

/** What was attempted, for the audit entry of a refusal. */
export type GuardedAction =
  | 'command'
  | 'submission'
  | 'status'
  | 'list'
  | 'redeploy'
  | 'resend-token'
  | 'lifecycle';

/**
 * The check every listener that acts makes first: the access policy (users, user groups via
 * Slack, cached and failing closed; channels). A refusal is recorded as an audit `denial`.
 */
export async function checkSlackAccess(
  deps: Pick<ListenerDeps, 'access' | 'members' | 'audit'>,
  who: { readonly userId: string; readonly channelId: string },
  action: GuardedAction,
): Promise<AccessAnswer> {
  const decision = await checkAccess(deps.access, deps.members, who);
  if (decision.allowed) return { ok: true };
  await deps.audit?.append({
    kind: 'denial',
    userId: who.userId,
    channelId: who.channelId,
    action,
    reason: decision.reason,
  });
  return { ok: false, message: decision.reason };
}

/**
 * User-group membership through the app's own WebClient (`usergroups.users.list`, cached). A slow
 * Slack (the client may be retrying a rate limit) counts as "could not be checked": fail closed.
 */
export function createSlackUsergroupMembers(client: webApi.WebClient): UsergroupMembers {
  return createUsergroupMembers({
    listUsergroupUsers: async (usergroup) => {
      const users = await withinBudget(
        client.usergroups.users.list({ usergroup }).then((answer) => answer.users ?? []),
        USERGROUP_BUDGET_MS,
        () => undefined,
      );
      if (!users) throw new Error('usergroups.users.list did not answer in time');
      return users;
    },
  });
}
