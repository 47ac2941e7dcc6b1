import { ACTION } from './ids.js';
import type { SlackMessage } from './progress-message.js';
import { button, context, escapeMrkdwn, section } from './text.js';

/** The private message holding the AccessToken; only ever sent ephemerally or by DM. */
export function buildTokenMessage(input: {
  serviceName: string;
  token: string;
  deploymentId: string;
}): SlackMessage {
  return {
    text: `AccessToken for ${input.serviceName} (only you can see this)`,
    blocks: [
      section(
        `*AccessToken for \`${escapeMrkdwn(input.serviceName)}\`* — only you can see this.\n\`${input.token}\``,
      ),
      context(
        'Put it in the Authorization header of the curl examples in the thread. Do not paste it in a channel.',
      ),
      {
        type: 'actions',
        block_id: 'token_actions',
        elements: [button('Send me the token again', ACTION.resendToken, input.deploymentId)],
      },
    ],
  };
}

/** Tells the requester privately that the bot is not in the channel and how to fix it. */
export function buildInviteHint(channelId: string): SlackMessage {
  const text = `I could not post in <#${channelId}>: I am not a member there. Type \`/invite @eas-deploy\` in that channel, then run /eas-deploy again. Your deployment's messages are coming here meanwhile.`;
  return { text, blocks: [section(text)] };
}

/** The one line the notify channel gets per finished deployment. */
export function buildNotifyLine(input: {
  serviceName: string;
  region: string;
  result: 'deployed' | 'dry-run' | 'blocked' | 'failed';
  requesterId: string;
  threadLink: string;
}): SlackMessage {
  const mark = input.result === 'deployed' || input.result === 'dry-run' ? '✓' : '✗';
  const text = `${mark} \`${escapeMrkdwn(input.serviceName)}\` in ${input.region}: ${input.result} (by <@${input.requesterId}>) · <${input.threadLink}|thread>`;
  return { text, blocks: [section(text)] };
}
