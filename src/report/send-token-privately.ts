import type { webApi } from '@slack/bolt';
import { buildTokenMessage } from '../../blocks/token-message.js';

export type TokenDelivery = 'ephemeral' | 'dm' | 'both';

/** Opens (or finds) the bot's DM with a person. */
export async function openDirectMessage(client: webApi.WebClient, userId: string): Promise<string> {
  const dm = await client.conversations.open({ users: userId });
  if (!dm.channel?.id) throw new Error('conversations.open answered without a channel');
  return dm.channel.id;
}

/** Gives the requester the AccessToken: ephemeral in the thread and/or DM; a failed ephemeral falls back to DM. */
export async function sendTokenPrivately(
  client: webApi.WebClient,
  delivery: TokenDelivery,
  to: {
    userId: string;
    channelId: string;
    threadTs?: string;
    serviceName: string;
    deploymentId: string;
  },
  token: string,
): Promise<void> {
  const message = buildTokenMessage({
    serviceName: to.serviceName,
    token,
    deploymentId: to.deploymentId,
  });
  let delivered = false;
  if (delivery !== 'dm') {
    const thread = to.threadTs ? { thread_ts: to.threadTs } : {};
    delivered = await client.chat
      .postEphemeral({ channel: to.channelId, user: to.userId, ...thread, ...message })
      .then(
        () => true,
        () => false,
      );
  }
  if (delivery !== 'ephemeral' || !delivered) {
    await client.chat.postMessage({
      channel: await openDirectMessage(client, to.userId),
      ...message,
    });
  }
}
