import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextTriggerId } from '../../../sim/slack/payloads.js';
import { type SlackStandIn, startSlackStandIn } from '../../../sim/slack/slack-standin.js';

let standIn: SlackStandIn;
let client: WebClient;

beforeAll(async () => {
  standIn = await startSlackStandIn(); // Slack's rules, as every test gets them by default
  client = new WebClient('xoxb-test', {
    slackApiUrl: standIn.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
});
afterAll(() => standIn.close());

const long = (n: number) => 'z'.repeat(n);
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('the Slack stand-in holds the bot to Slack’s rules', () => {
  it('refuses a message whose section is over 3000 characters with invalid_blocks naming it', async () => {
    await expect(
      client.chat.postMessage({
        channel: 'C0RULES1',
        text: 'x',
        blocks: [section('ok'), section(long(3001))],
      }),
    ).rejects.toMatchObject({
      data: {
        error: 'invalid_blocks',
        errors: ['must be less than 3001 characters [json-pointer:/blocks/1/text/text]'],
        response_metadata: {
          messages: [
            '[ERROR] must be less than 3001 characters [json-pointer:/blocks/1/text/text]',
          ],
        },
      },
    });
  });

  it('refuses more than 50 blocks in a message and a button text over 75 characters', async () => {
    const many = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    await expect(
      client.chat.postMessage({ channel: 'C0RULES2', text: 'x', blocks: many }),
    ).rejects.toMatchObject({
      data: { errors: ['no more than 50 items allowed [json-pointer:/blocks]'] },
    });
    const button = {
      type: 'actions',
      elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: long(76) } }],
    };
    await expect(
      client.chat.update({ channel: 'C0RULES2', ts: '1.1', text: 'x', blocks: [button] }),
    ).rejects.toMatchObject({
      data: {
        errors: ['must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]'],
      },
    });
  });

  it('answers msg_too_long for text over 40,000 characters', async () => {
    await expect(
      client.chat.postMessage({ channel: 'C0RULES3', text: long(40_001) }),
    ).rejects.toMatchObject({ data: { error: 'msg_too_long' } });
  });

  it('refuses a modal title over 24 characters, option values over 150 and private_metadata over 3000', async () => {
    const select = {
      type: 'input',
      block_id: 'pick',
      label: { type: 'plain_text', text: 'Pick' },
      element: {
        type: 'static_select',
        action_id: 'pick',
        options: [{ text: { type: 'plain_text', text: 'a' }, value: long(151) }],
      },
    };
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: long(25) },
      submit: { type: 'plain_text' as const, text: 'Go' },
      private_metadata: long(3001),
      blocks: [select],
    };
    await expect(client.views.open({ trigger_id: nextTriggerId(), view })).rejects.toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: {
          messages: [
            '[ERROR] must be less than 25 characters [json-pointer:/view/title/text]',
            '[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]',
            '[ERROR] must be less than 151 characters [json-pointer:/view/blocks/0/element/options/0/value]',
          ],
        },
      },
    });
  });

  it('answers view_too_large for a view over 250 kB', async () => {
    const blocks = Array.from({ length: 100 }, () => section(long(2_900)));
    const view = { type: 'home' as const, blocks };
    await expect(client.views.publish({ user_id: 'U0BIG', view })).rejects.toMatchObject({
      data: { error: 'view_too_large' },
    });
  });

  it('lets a short burst into one channel, then answers 429 with Retry-After and counts it', async () => {
    const before = standIn.rateLimited.length;
    const post = () => client.chat.postMessage({ channel: 'C0BURST', text: 'x' });
    for (let i = 0; i < 3; i += 1) await post();
    await expect(post()).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 1,
    });
    expect(standIn.rateLimited.length).toBe(before + 1);
    // Another channel has a bucket of its own.
    await expect(client.chat.postMessage({ channel: 'C0OTHER', text: 'x' })).resolves.toMatchObject(
      { ok: true },
    );
  });

  it('limits chat.update to Tier 3: about a minute’s 50 calls at once, then 429 for the workspace', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0TIER3', text: 'x' });
    const edit = () => client.chat.update({ channel: 'C0TIER3', ts: posted.ts ?? '', text: 'y' });
    let accepted = 0;
    // The bucket refills at 50 a minute while the calls go out, so a few more may pass.
    for (let i = 0; i < 80; i += 1) {
      const refused = await edit().then(
        () => false,
        (error: { code?: string }) => error.code === 'slack_webapi_rate_limited_error',
      );
      if (refused) break;
      accepted += 1;
    }
    expect(accepted).toBeGreaterThanOrEqual(48);
    expect(accepted).toBeLessThan(80);
    expect(standIn.rateLimited.at(-1)).toMatchObject({ method: 'chat.update', status: 429 });
  });

  it('opens a Socket Mode connection only for an app-level token', async () => {
    const app = new WebClient('xapp-1-test', {
      slackApiUrl: standIn.apiUrl,
      retryConfig: { retries: 0 },
    });
    const opened = await app.apps.connections.open();
    expect(opened.url).toBe(standIn.socket.url);
    await expect(client.apps.connections.open()).rejects.toMatchObject({
      data: { error: 'invalid_auth' },
    });
  });
});
