import { readMessageText, renderConversation } from '../sim/slack/render-conversation.js';
import type { RecordedCall } from '../sim/slack/slack-standin.js';
import type { Config } from '../src/config.js';
import { type DemoSession, WAIT_MS } from './demo-session.js';

/** The serving check's thread line (CONTRACT.md: it starts `Serving` or `Not serving`). */
const SERVING_LINE = /^\W*(Not serving|Serving)\b/m;

/**
 * Waits until the deployment submitted after call `mark` has finished (its notify line is the last
 * thing it posts, and, when the bot checks serving, that line), then prints every channel it
 * touched as the person reads it: the channel with its thread, direct messages, the notify channel.
 */
export async function showConversation(session: DemoSession, mark: number): Promise<void> {
  const { stack, say } = session;
  const calls = stack.slack.calls;
  const isNew = (c: RecordedCall) => calls.indexOf(c) >= mark;
  const posted = (c: RecordedCall, channel: string) =>
    isNew(c) && c.method === 'chat.postMessage' && c.args.channel === channel;
  const parent = await stack.slack.waitFor(
    (c) => posted(c, session.channelId) && !c.args.thread_ts,
    WAIT_MS,
  );
  await stack.slack.waitFor((c) => posted(c, session.notifyChannelId), WAIT_MS);
  if (checksServing(stack.config)) {
    const ts = parent.response?.ts;
    await stack.slack
      .waitFor(
        (c) => isNew(c) && c.args.thread_ts === ts && SERVING_LINE.test(readMessageText(c.args)),
        WAIT_MS,
      )
      .catch(() => say('(no serving line came in time)'));
  }
  const recent = calls.slice(mark);
  say(`\n#deploys (${session.channelId}), what the channel shows; private notes are marked:\n`);
  say(renderConversation(recent, session.channelId));
  const direct = new Set(
    recent.flatMap((c) =>
      c.method === 'chat.postMessage' && String(c.args.channel).startsWith('D')
        ? [String(c.args.channel)]
        : [],
    ),
  );
  for (const channel of direct) {
    say(`\nDirect message from the bot (${channel}):\n`);
    say(renderConversation(recent, channel));
  }
  say(`\n#notify (${session.notifyChannelId}):\n`);
  say(renderConversation(recent, session.notifyChannelId));
}

/** Whether this build of the bot watches the service and posts a serving line after the summary. */
function checksServing(config: Config): boolean {
  return config.EAS_PROBE === 'on';
}
