import type { types } from '@slack/bolt';
import type { DeploymentAddress } from '../queue/deployment-reporter.js';
import type { SlackOutbox } from './slack-outbox.js';

/** The metadata event type every parent message carries (docs.slack.dev "Using message metadata"). */
export const PARENT_EVENT_TYPE = 'eas_deploy_deployment';
/** Slack's clock and ours may differ a little: look this much before the submission. */
const CLOCK_SLACK_MS = 60_000;
/** Pages of 200 messages read at most: a channel busier than that since the submission is rare. */
const MAX_PAGES = 5;
/** Answers that mean "cannot look here" rather than "try again": the run posts, as before. */
const CANNOT_LOOK = new Set([
  'missing_scope',
  'not_in_channel',
  'channel_not_found',
  'is_archived',
]);

/** The metadata of a deployment's parent: how a later run finds it if its ts was lost. */
export const parentMetadata = (deploymentId: string): types.MessageMetadata => ({
  event_type: PARENT_EVENT_TYPE,
  event_payload: { deployment_id: deploymentId },
});

/**
 * The ts of the deployment's parent in its channel, posted since `sinceMs`, or undefined. Reads
 * conversations.history with `include_all_metadata` (Tier 3; scopes channels:history and
 * groups:history — docs.slack.dev/reference/methods/conversations.history), through the outbox
 * so it spends the workspace's one budget. Asked only when a failover may have lost the ts. An
 * install not yet granted those scopes (missing_scope) cannot look: undefined, and `onError`.
 */
export async function findParent(
  outbox: SlackOutbox,
  a: DeploymentAddress,
  sinceMs: number,
  onError: (error: unknown) => void,
): Promise<string | undefined> {
  const oldest = (Math.max(0, sinceMs - CLOCK_SLACK_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const found = await outbox.history(a.channelId, oldest, cursor);
      const parent = found.messages?.find(
        (m) =>
          m.metadata?.event_type === PARENT_EVENT_TYPE &&
          // The SDK types the payload as `{}`: it is whatever the app attached.
          (m.metadata.event_payload as { deployment_id?: unknown } | undefined)?.deployment_id ===
            a.deploymentId,
      );
      if (parent?.ts) return parent.ts;
      cursor = found.has_more ? found.response_metadata?.next_cursor : undefined;
      if (!cursor) return undefined;
    }
  } catch (error) {
    const code = (error as { data?: { error?: string } } | undefined)?.data?.error ?? '';
    if (!CANNOT_LOOK.has(code)) throw error;
    onError(error);
  }
  return undefined;
}
