import { webApi } from '@slack/bolt';
import type { Cluster, Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { pinSecrets } from '../redact.js';
import { createSlackBudget } from './slack-budget.js';
import { createSlackOutbox, type SlackOutbox } from './slack-outbox.js';

export interface OutboxDeps {
  readonly config: Pick<
    Config,
    | 'SLACK_BOT_TOKEN'
    | 'SLACK_API_URL'
    | 'QUEUE_PREFIX'
    | 'SLACK_APP_TOKEN'
    | 'SLACK_SIGNING_SECRET'
  >;
  /** The process's Redis: the budget is counted there, shared with every other process. */
  readonly redis?: Redis | Cluster;
  readonly logger?: Logger;
  readonly retryConfig?: webApi.RetryOptions;
}

/**
 * The process's way out to Slack: its Web API client (which rejects a 429 instead of pausing its
 * one queue, so a rate-limited progress edit never holds up a summary or a token) behind the
 * outbox and the workspace's shared budget.
 */
export function createProcessOutbox(deps: OutboxDeps): SlackOutbox {
  const { config } = deps;
  const client = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    ...(deps.retryConfig ? { retryConfig: deps.retryConfig } : {}),
    rejectRateLimitedCalls: true,
    logLevel: webApi.LogLevel.ERROR,
  });
  const budget = createSlackBudget({
    ...(deps.redis ? { redis: deps.redis } : {}),
    prefix: config.QUEUE_PREFIX,
    token: config.SLACK_BOT_TOKEN,
  });
  // The redactor removes the process's own Slack secrets by value from every message too.
  pinSecrets(
    [config.SLACK_BOT_TOKEN, config.SLACK_APP_TOKEN, config.SLACK_SIGNING_SECRET].flatMap((s) =>
      s ? [s] : [],
    ),
  );
  return createSlackOutbox({
    client,
    budget,
    onError: (err) => deps.logger?.warn({ err }, 'a Slack message could not be sent'),
  });
}
