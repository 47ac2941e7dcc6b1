import type { SlackMessage } from './progress-message.js';
import { context } from './text.js';

/**
 * The parent message with the serving watch's status line under the checklist. Slack replaces the
 * whole message on an edit, so the line is added to the checklist message, never sent alone.
 */
export function withWatchStatus(parent: SlackMessage, line: string): SlackMessage {
  const last = parent.blocks.length - 1;
  const blocks = [...parent.blocks.slice(0, last), context(line), ...parent.blocks.slice(last)];
  return { text: parent.text, blocks };
}
