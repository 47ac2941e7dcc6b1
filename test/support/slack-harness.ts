import { FORM_CONTENT_TYPE } from '../../sim/slack/payloads.js';
import { postSigned } from '../../sim/slack/sign-request.js';
import { type SlackStandIn, startSlackStandIn } from '../../sim/slack/slack-standin.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { createFakePorts, type FakePorts } from './fake-ports.js';

export const SECRET = 'test-signing-secret';

/** The real Bolt app on port 0, its WebClient on the stand-in, in-memory ports. */
export interface SlackHarness {
  readonly standIn: SlackStandIn;
  readonly ports: FakePorts;
  readonly slack: SlackApp;
  readonly url: string;
  post(
    rawBody: string,
    options?: { timestamp?: number; signature?: string; contentType?: string },
  ): ReturnType<typeof postSigned>;
  healthy: boolean;
  close(): Promise<void>;
}

/** Starts the harness; `overrides` reach the app deps (e.g. allow-lists). */
export async function startSlackHarness(
  overrides: { allowedUsers?: string[]; ackBudgetMs?: number } = {},
): Promise<SlackHarness> {
  const standIn = await startSlackStandIn();
  const ports = createFakePorts();
  const state = { healthy: true };
  const slack = createSlackApp({
    config: {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: standIn.apiUrl,
      EAS_ALLOWED_USERS: overrides.allowedUsers ?? [],
      EAS_ALLOWED_CHANNELS: [],
    },
    ports,
    retryConfig: { retries: 0 },
    health: async () => state.healthy,
    metrics: () => 'eas_deploy_up 1\n',
    ...(overrides.ackBudgetMs ? { ackBudgetMs: overrides.ackBudgetMs } : {}),
  });
  const { port } = await slack.start(0);
  const url = `http://127.0.0.1:${port}/slack/events`;
  const harness: SlackHarness = {
    standIn,
    ports,
    slack,
    url,
    post: (rawBody, o = {}) =>
      postSigned(url, rawBody, o.contentType ?? FORM_CONTENT_TYPE, SECRET, o),
    get healthy() {
      return state.healthy;
    },
    set healthy(value: boolean) {
      state.healthy = value;
    },
    close: async () => {
      await slack.stop();
      await standIn.close();
    },
  };
  return harness;
}
