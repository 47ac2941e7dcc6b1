import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { startSlackStandIn } from '../../sim/slack/slack-standin.js';
import { authorizeBot } from '../../src/slack/authorize-bot.js';

const source = { isEnterpriseInstall: false as const, teamId: 'T0001', enterpriseId: undefined };

describe('authorizing the bot', () => {
  it('never waits for auth.test, asks it again after a failure, and keeps a success', async () => {
    const standIn = await startSlackStandIn();
    try {
      const client = new webApi.WebClient('xoxb-test', {
        slackApiUrl: standIn.apiUrl,
        retryConfig: { retries: 0 },
      });
      let clock = 0;
      standIn.failNext('auth.test', { error: 'invalid_auth' });
      const authorize = authorizeBot(client, 'xoxb-test', undefined, () => clock);
      // The first request goes through on the token alone while auth.test fails in the background.
      expect(await authorize(source)).toEqual({ botToken: 'xoxb-test' });
      await standIn.waitFor((c) => c.method === 'auth.test', 2_000);
      expect(await authorize(source)).toEqual({ botToken: 'xoxb-test' });
      expect(standIn.calls.filter((c) => c.method === 'auth.test')).toHaveLength(1);
      // Thirty seconds later it is asked again; its success is kept and not asked for again.
      clock = 31_000;
      await authorize(source);
      await expect.poll(async () => (await authorize(source)).botUserId).toBeDefined();
      clock = 100_000;
      await authorize(source);
      expect(standIn.calls.filter((c) => c.method === 'auth.test')).toHaveLength(2);
    } finally {
      await standIn.close();
    }
  });

  it('does not ask at all when the ids are known', async () => {
    const standIn = await startSlackStandIn();
    try {
      const client = new webApi.WebClient('xoxb-test', { slackApiUrl: standIn.apiUrl });
      const authorize = authorizeBot(client, 'xoxb-test', { botId: 'B1', botUserId: 'U1' });
      expect(await authorize(source)).toEqual({
        botToken: 'xoxb-test',
        botId: 'B1',
        botUserId: 'U1',
      });
      expect(standIn.calls.filter((c) => c.method === 'auth.test')).toHaveLength(0);
    } finally {
      await standIn.close();
    }
  });
});
