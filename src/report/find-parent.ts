import type { types } from '@slack/bolt';
import type { SlackOutbox } from './slack-outbox.js';

/** The metadata event type every parent message carries (docs.slack.dev "Using message metadata"). */
export const PARENT_EVENT_TYPE = 'eas_deploy_deployment';
/** Slack's clock and ours may differ a little: look this much before the submission. */
const CLOCK_SLACK_MS = 60_000;
/** Pages of 200 messages read at most: a channel busier than that since the submission is rare. */
const MAX_PAGES = 5;

/** The metadata of a deployment's parent: how a later run finds it if its ts was lost. */
export const parentMetadata = (deploymentId: string): types.MessageMetadata => ({
  event_type: PARENT_EVENT_TYPE,
  event_payload: { deployment_id: deploymentId },
});

/**
 * The ts of the deployment's parent in `channel`, posted since `sinceMs`, or undefined. Reads
 * conversations.history with `include_all_metadata` (Tier 3; scopes channels:history and
 * groups:history — docs.slack.dev/reference/methods/conversations.history), through the outbox
 * so it spends the workspace's one budget. Asked only when a failover may have lost the ts.
 */
export async function findParent(
  outbox: SlackOutbox,
  channel: string,
  deploymentId: string,
  sinceMs: number,
): Promise<string | undefined> {
  const oldest = (Math.max(0, sinceMs - CLOCK_SLACK_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const found = await outbox.history(channel, oldest, cursor);
    const parent = found.messages.find(
      (m) =>
        m.metadata?.event_type === PARENT_EVENT_TYPE &&
        m.metadata.event_payload?.deployment_id === deploymentId,
    );
    if (parent) return parent.ts;
    cursor = found.nextCursor;
    if (!cursor) return undefined;
  }
  return undefined;
}
