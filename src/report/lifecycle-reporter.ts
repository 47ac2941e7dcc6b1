import type { webApi } from '@slack/bolt';
import type { SlackMessage } from '../../blocks/progress-message.js';
import { openDirectMessage } from './send-token-privately.js';

/** Where a service's messages go: its deployment thread when known, else a channel. */
export interface ServiceThread {
  readonly channelId: string;
  readonly threadTs?: string;
}

/** The worker's way out for lifecycle answers and expiry reminders (the same Web API client as deployments). */
export interface LifecycleReporter {
  /** Posts in the thread (or the channel); answers the message's ts. */
  post(where: ServiceThread, message: SlackMessage): Promise<string | undefined>;
  /** Tells one person privately: ephemeral where they are when given, else (or when that fails) a DM. */
  tellPrivately(userId: string, message: SlackMessage, where?: ServiceThread): Promise<void>;
}

/** Creates the reporter on the worker's WebClient (retries and 429s are the client's). */
export function createLifecycleReporter(client: webApi.WebClient): LifecycleReporter {
  const direct = async (userId: string, message: SlackMessage) => {
    await client.chat.postMessage({ channel: await openDirectMessage(client, userId), ...message });
  };
  return {
    async post(where, message) {
      const posted = await client.chat.postMessage({
        channel: where.channelId,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
        ...message,
      });
      return posted.ts;
    },
    async tellPrivately(userId, message, where) {
      if (where) {
        const shown = await client.chat
          .postEphemeral({
            channel: where.channelId,
            user: userId,
            ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
            ...message,
          })
          .then(
            () => true,
            () => false,
          );
        if (shown) return;
      }
      await direct(userId, message);
    },
  };
}
