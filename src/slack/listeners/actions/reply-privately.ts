import type { webApi } from '@slack/bolt';
import type { SlackMessage } from '../../../../blocks/progress-message.js';

/** Answers one person privately: ephemeral in the channel (thread) when possible, else a DM. */
export async function replyPrivately(
  client: webApi.WebClient,
  where: { userId: string; channelId?: string; threadTs?: string },
  message: SlackMessage,
): Promise<void> {
  if (where.channelId) {
    const sent = await client.chat
      .postEphemeral({
        channel: where.channelId,
        user: where.userId,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
        ...message,
      })
      .then(
        () => true,
        () => false,
      );
    if (sent) return;
  }
  const dm = await client.conversations.open({ users: where.userId });
  if (dm.channel?.id) await client.chat.postMessage({ channel: dm.channel.id, ...message });
}
