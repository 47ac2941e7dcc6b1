import type { Redis } from 'ioredis';
import type { SlackStandIn } from '../../sim/slack/slack-standin.js';
import { createProcessOutbox } from '../../src/report/create-process-outbox.js';
import type { SlackOutbox } from '../../src/report/slack-outbox.js';
import { uniquePrefix } from './redis.js';

/** The outbox a process builds, on the stand-in; its budget in `redis` when given (else in memory). */
export function createTestOutbox(
  standIn: SlackStandIn,
  options: { redis?: Redis; prefix?: string; token?: string } = {},
): SlackOutbox {
  return createProcessOutbox({
    config: {
      SLACK_BOT_TOKEN: options.token ?? 'xoxb-test',
      SLACK_API_URL: standIn.apiUrl,
      QUEUE_PREFIX: options.prefix ?? uniquePrefix('outbox'),
      SLACK_APP_TOKEN: undefined,
      SLACK_SIGNING_SECRET: undefined,
    },
    ...(options.redis ? { redis: options.redis } : {}),
    retryConfig: { retries: 0 },
  });
}
