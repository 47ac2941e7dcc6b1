import type { types } from '@slack/bolt';
import { SERVICE_ACTION } from './ids.js';
import { button } from './text.js';

/** The value every service button carries: `{"region": …, "service": …}` (CONTRACT.md). */
export function encodeServiceValue(
  region: string,
  service: string,
  extra: Readonly<Record<string, string>> = {},
): string {
  return JSON.stringify({ region, service, ...extra });
}

/** Slack's own confirmation dialog before a click that changes a service. */
function confirm(title: string, text: string, yes: string): types.ConfirmationDialog {
  return {
    title: { type: 'plain_text', text: title.slice(0, 100) },
    text: { type: 'mrkdwn', text: text.slice(0, 300) },
    confirm: { type: 'plain_text', text: yes.slice(0, 30) },
    deny: { type: 'plain_text', text: 'Cancel' },
  };
}

/**
 * The buttons under a service the bot made (summary, App Home): Stop (Start when it is stopped),
 * Restart, Extend by the default lifetime, Delete (which asks for a confirmation naming it).
 */
export function buildServiceButtons(
  region: string,
  service: string,
  options: { stopped?: boolean; extendBy: string; blockId?: string },
): types.ActionsBlock {
  const value = encodeServiceValue(region, service);
  const stop = options.stopped
    ? button('Start', SERVICE_ACTION.start, value)
    : {
        ...button('Stop', SERVICE_ACTION.stop, value),
        confirm: confirm(
          `Stop ${service}?`,
          `\`${service}\` stops serving and stops costing.`,
          'Stop it',
        ),
      };
  return {
    type: 'actions',
    block_id: options.blockId ?? 'service_actions',
    elements: [
      stop,
      button('Restart', SERVICE_ACTION.restart, value),
      button(`Extend by ${options.extendBy}`, SERVICE_ACTION.extend, value),
      { ...button('Delete…', SERVICE_ACTION.delete, value), style: 'danger' },
    ],
  };
}
