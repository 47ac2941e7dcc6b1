import type { types } from '@slack/bolt';
import type { ServiceStatusView } from './answers.js';
import type { SlackMessage } from './progress-message.js';
import { escapeMrkdwn, truncate } from './text.js';

const REFRESH_BLOCK_ID = 'status_refresh';
const ACTIONS_BLOCK_ID = 'result_actions';

const blockIdOf = (block: unknown): unknown =>
  typeof block === 'object' && block !== null
    ? (block as { block_id?: unknown }).block_id
    : undefined;

/** One context line: the status as the last click read it, and when. */
function buildRefreshLine(s: ServiceStatusView, now: number): types.ContextBlock {
  const at = new Date(now).toISOString().slice(11, 16);
  const instances =
    s.totalInstances === undefined
      ? ''
      : ` · instances ${s.runningInstances ?? 0}/${s.totalInstances}`;
  const reason = s.reason ? ` · ${escapeMrkdwn(s.reason)}` : '';
  return {
    type: 'context',
    block_id: REFRESH_BLOCK_ID,
    elements: [
      {
        type: 'mrkdwn',
        text: truncate(
          `Status at ${at} UTC: *${escapeMrkdwn(s.status)}*${instances}${reason}`,
          3000,
        ),
      },
    ],
  };
}

/**
 * The clicked message with its status line replaced (not added to): refreshing ten times leaves one
 * line. The line sits above the buttons; the rest of the message is kept exactly as it was.
 */
export function buildRefreshedMessage(
  original: { text?: string; blocks?: readonly unknown[] },
  status: ServiceStatusView,
  now: number,
): SlackMessage {
  const kept = (original.blocks ?? []).filter((b) => blockIdOf(b) !== REFRESH_BLOCK_ID);
  const at = kept.findIndex((b) => blockIdOf(b) === ACTIONS_BLOCK_ID);
  const line = buildRefreshLine(status, now);
  const blocks = at < 0 ? [...kept, line] : [...kept.slice(0, at), line, ...kept.slice(at)];
  return {
    text: original.text || `${status.serviceName}: ${status.status}`,
    // The blocks came from our own message; Slack echoes them back as they were sent.
    blocks: blocks as types.KnownBlock[],
  };
}
