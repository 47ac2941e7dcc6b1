import type { SlackMessage } from '../../blocks/progress-message.js';

/** Where a service's messages go: its deployment thread when known, else a channel. */
export interface ServiceThread {
  readonly channelId: string;
  readonly threadTs?: string;
}

/** The lifecycle and expiry workers' way out to Slack; src/report implements it on the outbox. */
export interface LifecycleReporter {
  /** Posts in the thread (or the channel); answers the message's ts. */
  post(where: ServiceThread, message: SlackMessage): Promise<string | undefined>;
  /** Tells one person privately: ephemeral where they are when given, else (or when that fails) a DM. */
  tellPrivately(userId: string, message: SlackMessage, where?: ServiceThread): Promise<void>;
}
