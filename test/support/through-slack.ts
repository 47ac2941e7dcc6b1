import { afterAll } from 'vitest';
import { nextTriggerId } from '../../sim/slack/payloads.js';
import type { MethodAnswer } from '../../sim/slack/slack-api-methods.js';
import { type SlackStandIn, startSlackStandIn } from '../../sim/slack/slack-standin.js';

let standIn: Promise<SlackStandIn> | undefined;

/**
 * What Slack (the stand-in, over loopback HTTP) answers when a builder's message is posted or its
 * view opened: `{ok: true}`, or `invalid_blocks` / `invalid_arguments` naming each bad block. The
 * stand-in of this file studies Block Kit, not pacing, so its rate limits are loosened.
 */
export async function sendThroughSlack(
  surface: object,
  kind: 'message' | 'view',
): Promise<MethodAnswer> {
  if (!standIn) {
    standIn = startSlackStandIn({ rules: { rateLimits: false } });
    afterAll(async () => (await standIn)?.close());
  }
  const { apiUrl } = await standIn;
  const view = surface as { type?: string };
  const [method, args] =
    kind === 'message'
      ? ['chat.postMessage', { channel: 'C0LIMITS', ...surface }]
      : view.type === 'home'
        ? ['views.publish', { user_id: 'U0LIMITS', view: surface }]
        : ['views.open', { trigger_id: nextTriggerId(), view: surface }];
  const form = new URLSearchParams(
    Object.entries(args).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  );
  const response = await fetch(`${apiUrl}${method}`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer xoxb-limits',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: form.toString(),
  });
  return (await response.json()) as MethodAnswer;
}
