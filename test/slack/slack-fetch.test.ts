import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogLevel, webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { startSlackStandIn } from '../../src/sim/slack/slack-standin.js';
import { createSlackFetch } from '../../src/slack/slack-fetch.js';

const client = (apiUrl: string, retries = 0) =>
  new webApi.WebClient('xoxb-test', {
    slackApiUrl: apiUrl,
    fetch: createSlackFetch(),
    retryConfig: { retries, minTimeout: 0, maxTimeout: 1 },
    logLevel: LogLevel.ERROR,
  });

describe('the Web API transport', () => {
  it('carries calls, Slack errors and 429 Retry-After as Node fetch does', async () => {
    const standIn = await startSlackStandIn();
    try {
      const answer = await client(standIn.apiUrl).chat.postMessage({
        channel: 'C0001',
        text: 'hi',
      });
      expect(answer).toMatchObject({ ok: true, channel: 'C0001' });
      expect(standIn.calls.at(-1)?.args).toMatchObject({ channel: 'C0001', text: 'hi' });

      standIn.failNext('chat.postMessage', { error: 'channel_not_found' });
      const refused = await client(standIn.apiUrl)
        .chat.postMessage({ channel: 'C0001', text: 'hi' })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(webApi.WebAPIPlatformError);
      expect((refused as webApi.WebAPIPlatformError).data.error).toBe('channel_not_found');

      // The client reads Retry-After from the transport's headers, waits, and tries again.
      standIn.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 0 });
      const limited = client(standIn.apiUrl, 1);
      let rateLimited = 0;
      limited.on(webApi.WebClientEvent.RATE_LIMITED, () => {
        rateLimited += 1;
      });
      expect(await limited.chat.postMessage({ channel: 'C0001', text: 'again' })).toMatchObject({
        ok: true,
      });
      expect(rateLimited).toBe(1);
    } finally {
      await standIn.close();
    }
  });

  it('turns an HTTP error status and an unreachable server into the client’s own errors', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('down for maintenance');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const failed = await client(`http://127.0.0.1:${port}/api/`)
        .auth.test()
        .catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(webApi.WebAPIHTTPError);
      expect((failed as webApi.WebAPIHTTPError).statusCode).toBe(503);
      expect((failed as webApi.WebAPIHTTPError).body).toBe('down for maintenance');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const unreachable = await client(`http://127.0.0.1:${port}/api/`)
      .auth.test()
      .catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(webApi.WebAPIRequestError);
  });

  it('hands the client a views.* answer without the echo of the view', async () => {
    const standIn = await startSlackStandIn();
    try {
      const answer = await client(standIn.apiUrl).views.open({
        trigger_id: 'trigger-1',
        view: { type: 'modal', title: { type: 'plain_text', text: 'Deploy' }, blocks: [] },
      });
      expect(answer.ok).toBe(true);
      expect(answer.view).toMatchObject({ id: expect.any(String), hash: expect.any(String) });
      expect(answer.view).not.toHaveProperty('blocks');
      expect(answer.view).not.toHaveProperty('title');
    } finally {
      await standIn.close();
    }
  });

  it('gives Bolt’s respond() a standard Response', async () => {
    const standIn = await startSlackStandIn();
    try {
      const response = await createSlackFetch()(`${standIn.responseUrl}T1/abc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'done' }),
      });
      expect(response).toBeInstanceOf(Response);
      expect(response.ok).toBe(true);
      expect(await response.json()).toEqual({ ok: true });
      expect(standIn.calls.at(-1)).toMatchObject({
        method: 'response_url',
        args: { text: 'done' },
      });
    } finally {
      await standIn.close();
    }
  });
});
