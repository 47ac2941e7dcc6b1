import type { SlackMessage } from '../../blocks/progress-message.js';
import type { SlackOutbox } from './slack-outbox.js';
import { tellPrivately } from './tell-privately.js';

/** Where a service's messages go: its deployment thread when known, else a channel. */
export interface ServiceThread {
  readonly channelId: string;
  readonly threadTs?: string;
}

/** The worker's way out for lifecycle answers and expiry reminders: the process's outbox. */
export interface LifecycleReporter {
  /** Posts in the thread (or the channel); answers the message's ts. */
  post(where: ServiceThread, message: SlackMessage): Promise<string | undefined>;
  /** Tells one person privately: ephemeral where they are when given, else (or when that fails) a DM. */
  tellPrivately(userId: string, message: SlackMessage, where?: ServiceThread): Promise<void>;
}

/** Creates the reporter on the outbox (budgeted, redacted, 429s waited out by every process). */
export function createLifecycleReporter(outbox: SlackOutbox): LifecycleReporter {
  return {
    post: (where, message) =>
      outbox.post(
        { channel: where.channelId, ...(where.threadTs ? { threadTs: where.threadTs } : {}) },
        message,
      ),
    tellPrivately: (userId, message, where) =>
      tellPrivately(
        outbox,
        {
          userId,
          ...(where ? { channelId: where.channelId } : {}),
          ...(where?.threadTs ? { threadTs: where.threadTs } : {}),
        },
        message,
      ),
  };
}
