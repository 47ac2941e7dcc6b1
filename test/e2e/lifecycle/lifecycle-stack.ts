import { LOCAL_SIGNING_SECRET, type LocalStack } from '../../../demo/local-stack.js';
import { readSimCallLog, type SimCall } from '../../../sim/aliyun/call-log.js';
import {
  buildBlockActionsBody,
  buildSlashCommandBody,
  FORM_CONTENT_TYPE,
} from '../../../sim/slack/payloads.js';
import { readMessageText } from '../../../sim/slack/render-conversation.js';
import { postSigned } from '../../../sim/slack/sign-request.js';
import type { RecordedCall } from '../../../sim/slack/slack-standin.js';

/** What the lifecycle tests read back from a local stack: the simulator's calls and Slack's. */
export const simCalls = (stack: LocalStack): Promise<SimCall[]> =>
  readSimCallLog(stack.simEnv.ALIYUN_SIM_STATE ?? '');

/** The calls of one operation (`eas stop-service`) on one service. */
export async function callsOf(stack: LocalStack, op: string, service: string): Promise<SimCall[]> {
  return (await simCalls(stack)).filter(
    (c) => `${c.argv[0]} ${c.argv[1]}` === op && c.argv.includes(service) && c.exitCode === 0,
  );
}

/** A posted message (not an edit) whose readable text matches, in any channel. */
export const posted =
  (pattern: RegExp, where: { channel?: string; threadTs?: string } = {}) =>
  (c: RecordedCall): boolean =>
    (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral') &&
    (where.channel === undefined || c.args.channel === where.channel) &&
    (where.threadTs === undefined || c.args.thread_ts === where.threadTs) &&
    pattern.test(readMessageText(c.args));

/** Every readable text Slack received that matches. */
export const textsMatching = (stack: LocalStack, pattern: RegExp): string[] =>
  stack.slack.calls.map((c) => readMessageText(c.args)).filter((t) => pattern.test(t));

/** The value of the button with this action_id on a message the bot posted. */
export function buttonValue(message: RecordedCall, actionId: string): string {
  const blocks = (message.args.blocks ?? []) as {
    elements?: { action_id?: string; value?: string }[];
  }[];
  for (const block of blocks) {
    const found = block.elements?.find((e) => e.action_id === actionId);
    if (found?.value !== undefined) return found.value;
  }
  throw new Error(`no ${actionId} button on that message`);
}

/** A signed click on a button of a message the bot posted, as a person would make it. */
export function clickButton(
  stack: LocalStack,
  message: RecordedCall,
  actionId: string,
  userId = 'U0REQUEST',
) {
  const ts = String((message.response as { ts?: string } | undefined)?.ts ?? message.args.ts ?? '');
  const body = buildBlockActionsBody({
    actionId,
    value: buttonValue(message, actionId),
    userId,
    message: {
      channelId: String(message.args.channel),
      ts,
      ...(typeof message.args.thread_ts === 'string' ? { threadTs: message.args.thread_ts } : {}),
      text: String(message.args.text ?? ''),
      blocks: message.args.blocks as unknown[],
    },
  });
  return postSigned(stack.eventsUrl, body, FORM_CONTENT_TYPE, LOCAL_SIGNING_SECRET);
}

/** Types `/eas-deploy <text>` as a person; the answer from the ack, or the one sent to response_url. */
export async function typeCommand(
  stack: LocalStack,
  text: string,
  userId = 'U0REQUEST',
): Promise<string> {
  const marker = `cmd-${Math.random().toString(36).slice(2, 8)}`;
  const answer = await postSigned(
    stack.eventsUrl,
    buildSlashCommandBody({
      text,
      user_id: userId,
      response_url: `${stack.slack.responseUrl}${marker}`,
    }),
    FORM_CONTENT_TYPE,
    LOCAL_SIGNING_SECRET,
  );
  if (answer.text) return answer.text;
  const later = await stack.slack.waitFor(
    (c) => c.method === 'response_url' && String(c.args.url ?? c.args.path ?? '').includes(marker),
    15_000,
  );
  return JSON.stringify(later.args);
}

/** The readable text of an answer body (the ack or response_url JSON), as Slack would show it. */
export function readAnswer(body: string): string {
  try {
    return readMessageText(JSON.parse(body) as Record<string, unknown>);
  } catch {
    return body;
  }
}
