import type { LifecycleReporter } from '../queue/lifecycle-reporter.js';
import type { SlackOutbox } from './slack-outbox.js';
import { tellPrivately } from './tell-privately.js';

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
