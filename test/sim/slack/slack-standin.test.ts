import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, startSlackStandIn } from '../../../src/sim/slack/slack-standin.js';

let standIn: SlackStandIn;
let client: WebClient;

beforeAll(async () => {
  standIn = await startSlackStandIn({ notInChannel: ['C0OUTSIDE'] });
  client = new WebClient('xoxb-test', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(() => standIn.close());

describe('the Slack stand-in', () => {
  it('records a posted message with its blocks parsed and answers an increasing ts', async () => {
    const first = await client.chat.postMessage({ channel: 'C0DEPLOY', text: 'one', blocks: [] });
    const second = await client.chat.postMessage({ channel: 'C0DEPLOY', text: 'two' });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const call = standIn.calls.find((c) => c.method === 'chat.postMessage');
    expect(call?.args).toMatchObject({ channel: 'C0DEPLOY', text: 'one', blocks: [] });
  });

  it('answers invalid_auth for a bad token', async () => {
    const bad = new WebClient('nope', { slackApiUrl: standIn.apiUrl, retryConfig: { retries: 0 } });
    await expect(bad.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
  });

  it('answers not_in_channel for a channel configured so', async () => {
    await expect(
      client.chat.postMessage({ channel: 'C0OUTSIDE', text: 'x' }),
    ).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
  });

  it('rejects a modal with inputs but no submit button', async () => {
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'x' },
      blocks: [
        {
          type: 'input' as const,
          label: { type: 'plain_text' as const, text: 'a' },
          element: { type: 'plain_text_input' as const },
        },
      ],
    };
    await expect(client.views.open({ trigger_id: 't', view })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
  });

  it('exchanges a trigger_id for a view once, as Slack does', async () => {
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'x' },
      blocks: [],
    };
    await client.views.open({ trigger_id: 'once.trigger', view });
    await expect(client.views.open({ trigger_id: 'once.trigger', view })).rejects.toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });
  });

  it('fails the next call of a method as told, then answers normally', async () => {
    standIn.failNext('chat.update', { error: 'channel_not_found' });
    await expect(
      client.chat.update({ channel: 'C0DEPLOY', ts: '1.1', text: 'x' }),
    ).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    standIn.failNext('auth.test', { status: 429, retryAfterSeconds: 0 });
    const limited = new WebClient('xoxb-test', {
      slackApiUrl: standIn.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    await expect(limited.auth.test()).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
    });
    await expect(limited.auth.test()).resolves.toMatchObject({ ok: true });
  });

  it('opens a direct message channel and waits for a matching call', async () => {
    const dm = await client.conversations.open({ users: 'U0REQUEST' });
    expect(dm.channel?.id).toBe('D0REQUEST');
    const waiting = standIn.waitFor((c) => c.method === 'chat.postEphemeral', 2000);
    await client.chat.postEphemeral({ channel: 'C0DEPLOY', user: 'U0REQUEST', text: 'private' });
    expect((await waiting).args).toMatchObject({ user: 'U0REQUEST' });
  });
});
