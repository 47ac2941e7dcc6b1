import { describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/slack/app.js';
import { createFakePorts } from '../support/fake-ports.js';

describe('choosing the transport', () => {
  it('builds a Socket Mode app without a signing secret when an app token is set', () => {
    const slack = createSlackApp({
      config: {
        SLACK_BOT_TOKEN: 'xoxb-t',
        SLACK_SIGNING_SECRET: undefined,
        SLACK_APP_TOKEN: 'xapp-1-test',
        SLACK_API_URL: undefined,
        EAS_ALLOWED_USERS: [],
        EAS_ALLOWED_CHANNELS: [],
      },
      ports: createFakePorts(),
      health: async () => true,
      metrics: () => '',
      // Known ids: no auth.test in the background, so the test never reaches for slack.com.
      botId: 'B0001',
      botUserId: 'U0001',
    });
    expect(slack.app).toBeDefined();
  });
});
