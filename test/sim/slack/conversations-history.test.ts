import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_TIER } from '../../../sim/slack/rate-limits.js';
import { type SlackStandIn, startSlackStandIn } from '../../../sim/slack/slack-standin.js';

/**
 * conversations.history as Slack documents it (docs.slack.dev/reference/methods/conversations.history:
 * newest first, `oldest`/`latest`, `limit` with a cursor, Tier 3, scopes channels:history and
 * groups:history) and message metadata as chat.postMessage takes it
 * (docs.slack.dev/messaging/message-metadata: returned only with `include_all_metadata`).
 */
let standIn: SlackStandIn;
let client: WebClient;
beforeAll(async () => {
  standIn = await startSlackStandIn({ notInChannel: ['C0OUTSIDE'], rules: { rateLimits: false } });
  client = new WebClient('xoxb-test', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(() => standIn.close());

const metadata = {
  event_type: 'eas_deploy_deployment',
  event_payload: { deployment_id: 'd-abc123' },
};

describe('conversations.history on the stand-in', () => {
  it('answers top-level messages newest first, with metadata only when asked for all of it', async () => {
    const first = await client.chat.postMessage({ channel: 'C0HIST', text: 'parent', metadata });
    await client.chat.postMessage({ channel: 'C0HIST', text: 'reply', thread_ts: first.ts ?? '' });
    const second = await client.chat.postMessage({ channel: 'C0HIST', text: 'another' });
    const plain = await client.conversations.history({ channel: 'C0HIST' });
    expect(plain.messages?.map((m) => m.text)).toEqual(['another', 'parent']);
    expect(plain.messages?.[1]).not.toHaveProperty('metadata');
    const full = await client.conversations.history({
      channel: 'C0HIST',
      include_all_metadata: true,
    });
    expect(full.messages?.[1]).toMatchObject({ ts: first.ts, bot_id: 'BBOT0001', metadata });
    const after = await client.conversations.history({ channel: 'C0HIST', oldest: first.ts ?? '' });
    expect(after.messages?.map((m) => m.ts)).toEqual([second.ts]);
  });

  it('pages with limit and a cursor, and answers not_in_channel where the bot is not', async () => {
    for (const text of ['1', '2', '3']) await client.chat.postMessage({ channel: 'C0PAGES', text });
    const page1 = await client.conversations.history({ channel: 'C0PAGES', limit: 2 });
    expect(page1.messages?.map((m) => m.text)).toEqual(['3', '2']);
    expect(page1.has_more).toBe(true);
    const cursor = page1.response_metadata?.next_cursor ?? '';
    const page2 = await client.conversations.history({ channel: 'C0PAGES', limit: 2, cursor });
    expect(page2.messages?.map((m) => m.text)).toEqual(['1']);
    expect(page2.has_more).toBe(false);
    await expect(client.conversations.history({ channel: 'C0OUTSIDE' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
    expect(METHOD_TIER['conversations.history']).toBe(3);
  });
});
