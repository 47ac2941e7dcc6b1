import { webApi } from '@slack/bolt';
import { createUsergroupMembers, type UsergroupMembers } from '../security/usergroup-members.js';
import { MEMBERSHIP_BUDGET_MS, withinBudget } from './within-budget.js';

/** Slack's own word for a refused call (`missing_scope`, `ratelimited`), or the error's message. */
const describeSlackError = (error: unknown): string =>
  error instanceof webApi.WebAPIPlatformError
    ? `usergroups.users.list: ${error.data.error}`
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * User-group membership through the app's own WebClient (`usergroups.users.list`, cached). A slow
 * Slack (the client may be retrying a rate limit) counts as "could not be checked": fail closed.
 */
export function createSlackUsergroupMembers(client: webApi.WebClient): UsergroupMembers {
  return createUsergroupMembers({
    listUsergroupUsers: async (usergroup) => {
      const answer = await withinBudget<{ users: string[] } | { failed: string }>(
        async () => ({ users: (await client.usergroups.users.list({ usergroup })).users ?? [] }),
        MEMBERSHIP_BUDGET_MS,
        (reason, error) => ({
          failed:
            reason === 'late'
              ? `Slack did not answer within ${MEMBERSHIP_BUDGET_MS / 1000} s`
              : describeSlackError(error),
        }),
      );
      if ('failed' in answer) throw new Error(answer.failed);
      return answer.users;
    },
  });
}
