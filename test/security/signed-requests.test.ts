import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Bolt's HTTP receiver, configured as the bot runs it (signature verification on), refuses
 * requests that are not signed with the signing secret or that are older than five minutes.
 */
const SECRET = 'test-signing-secret';
let app: App;
let url = '';
let handled = 0;

beforeAll(async () => {
  app = new App({
    signingSecret: SECRET,
    token: 'xoxb-test',
    botId: 'B000',
    botUserId: 'U000',
    logLevel: LogLevel.ERROR,
    clientOptions: { retryConfig: { retries: 0 } },
  });
  app.command('/eas-deploy', async ({ ack }) => {
    handled += 1;
    await ack();
  });
  const server = (await app.start(0)) as Server;
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  await app.stop();
});

const body = new URLSearchParams({
  command: '/eas-deploy',
  text: 'help',
  user_id: 'U1',
  channel_id: 'C1',
  team_id: 'T1',
  trigger_id: '1.2.3',
  response_url: 'http://127.0.0.1:9/respond',
}).toString();

const sign = (secret: string, timestamp: number, raw: string): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${raw}`).digest('hex')}`;

/** Posts the slash command with the given signature headers; returns the HTTP status. */
async function post(headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  await response.text();
  return response.status;
}

const now = () => Math.floor(Date.now() / 1000);

describe('signed Slack requests', () => {
  it('accepts a request signed with the signing secret', async () => {
    const ts = now();
    const before = handled;
    expect(
      await post({
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign(SECRET, ts, body),
      }),
    ).toBe(200);
    expect(handled).toBe(before + 1);
  });

  it('refuses a request with a bad signature', async () => {
    const ts = now();
    const before = handled;
    expect(
      await post({
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign('wrong-secret', ts, body),
      }),
    ).toBe(401);
    expect(handled).toBe(before);
  });

  it('refuses a correctly signed request older than five minutes (replay)', async () => {
    const ts = now() - 6 * 60;
    const before = handled;
    expect(
      await post({
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign(SECRET, ts, body),
      }),
    ).toBe(401);
    expect(handled).toBe(before);
  });

  it('refuses an unsigned request', async () => {
    const before = handled;
    expect(await post({})).toBe(401);
    expect(handled).toBe(before);
  });
});
