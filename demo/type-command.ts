import { nextTriggerId } from '../sim/slack/payloads.js';
import { readMessageText } from '../sim/slack/render-conversation.js';
import { type DemoSession, WAIT_MS } from './demo-session.js';
import { fillAndSubmit } from './press-deploy.js';

let typed = 0;

/**
 * Types `/eas-deploy <text>` as the person and prints what Slack would show them: the private
 * answer, or the form (then fills it as given and presses Deploy, and prints the conversation).
 */
export async function typeCommand(session: DemoSession, text: string): Promise<void> {
  const { stack, say } = session;
  say(`\n› /eas-deploy ${text}`);
  typed += 1;
  const marker = `demo-${typed}`;
  const triggerId = nextTriggerId();
  const ack = await session.person.command(text, {
    trigger_id: triggerId,
    response_url: `${stack.slack.responseUrl}${marker}`,
  });
  if (ack.status !== 200) throw new Error(`the bot answered the command with HTTP ${ack.status}`);
  const answer = ack.json as { text?: string; blocks?: unknown[] } | undefined;
  if (answer?.text || answer?.blocks) say(privately(readMessageText(answer)));
  // A full answer ends the command; a short "looking it up…" or an empty ack means more follows.
  if (answer?.blocks?.length || (answer?.text && !answer.text.endsWith('…'))) return;
  const next = await stack.slack.waitFor(
    (c) =>
      (c.method === 'views.open' && c.args.trigger_id === triggerId) ||
      (c.method === 'response_url' && String(c.args.path).endsWith(marker)),
    WAIT_MS,
  );
  if (next.method === 'response_url') return say(privately(readMessageText(next.args)));
  await fillAndSubmit(session, next);
}

/** An answer only the person sees, marked as Slack marks it. */
export function privately(text: string): string {
  return `(only visible to you)\n${text}`;
}
