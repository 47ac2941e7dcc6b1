import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromStoredView, nextTriggerId } from '../../../sim/slack/payloads.js';
import { type SlackStandIn, startSlackStandIn } from '../../../sim/slack/slack-standin.js';

let standIn: SlackStandIn;
let client: WebClient;

beforeAll(async () => {
  // These tests study answers, not pacing: rate limits loosened (their own tests below).
  standIn = await startSlackStandIn({
    notInChannel: ['C0OUTSIDE'],
    rules: { rateLimits: false },
  });
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
    await expect(client.views.open({ trigger_id: nextTriggerId(), view })).rejects.toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: {
          messages: ['[ERROR] must define submit to use input block [json-pointer:/view]'],
        },
      },
    });
  });

  it('exchanges a trigger_id for a view once, as Slack does', async () => {
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'x' },
      blocks: [],
    };
    const trigger = nextTriggerId();
    await client.views.open({ trigger_id: trigger, view });
    await expect(client.views.open({ trigger_id: trigger, view })).rejects.toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });
  });

  it('refuses a trigger_id older than 3 seconds, and one it never issued', async () => {
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'x' },
      blocks: [],
    };
    await expect(
      client.views.open({ trigger_id: nextTriggerId(Date.now() - 3_500), view }),
    ).rejects.toMatchObject({ data: { error: 'expired_trigger_id' } });
    await expect(client.views.open({ trigger_id: 'made-up', view })).rejects.toMatchObject({
      data: { error: 'invalid_trigger_id' },
    });
  });

  it('echoes a view with its blocks and the fields Slack adds', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }];
    const view = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'x' },
      blocks,
    };
    const answer = await client.views.open({ trigger_id: nextTriggerId(), view });
    expect(answer.view).toMatchObject({
      blocks,
      team_id: 'T0001',
      state: { values: {} },
      root_view_id: answer.view?.id,
      app_id: 'A0EASDEPLOY',
      bot_id: 'BBOT0001',
    });
  });

  describe('view hashes, as Slack checks them', () => {
    const modal = (title: string) => ({
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: title },
      blocks: [],
    });
    const open = async () => {
      const answer = await client.views.open({
        trigger_id: nextTriggerId(),
        view: modal('a'),
      });
      return { id: answer.view?.id ?? '', hash: answer.view?.hash ?? '' };
    };

    it('answers hash_conflict for a stale hash, records the call and leaves the view as it was', async () => {
      const first = await open();
      await client.views.update({ view_id: first.id, hash: first.hash, view: modal('b') });
      const current = standIn.currentView(first.id);
      await expect(
        client.views.update({ view_id: first.id, hash: first.hash, view: modal('stale') }),
      ).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
      expect(standIn.currentView(first.id)).toEqual(current);
      expect(current?.title).toEqual({ type: 'plain_text', text: 'b' });
      expect(standIn.calls.at(-1)).toMatchObject({
        method: 'views.update',
        args: { view_id: first.id, hash: first.hash },
        response: { ok: false, error: 'hash_conflict' },
      });
    });

    it('applies an update with the current hash and gives the view a new one', async () => {
      const first = await open();
      expect(standIn.currentView(first.id)?.hash).toBe(first.hash);
      const updated = await client.views.update({
        view_id: first.id,
        hash: first.hash,
        view: modal('b'),
      });
      expect(updated.view?.id).toBe(first.id);
      expect(updated.view?.hash).toBeTruthy();
      expect(updated.view?.hash).not.toBe(first.hash);
      expect(standIn.currentView(first.id)).toMatchObject({
        hash: updated.view?.hash,
        title: { text: 'b' },
      });
    });

    it('applies an update without a hash whatever the view’s hash is', async () => {
      const first = await open();
      await client.views.update({ view_id: first.id, view: modal('b') });
      await expect(
        client.views.update({ view_id: first.id, view: modal('c') }),
      ).resolves.toMatchObject({ ok: true, view: { id: first.id } });
      expect(standIn.currentView(first.id)?.title).toEqual({ type: 'plain_text', text: 'c' });
    });

    it('gives payload builders the view’s real id, hash and metadata', async () => {
      const first = await open();
      expect(fromStoredView(standIn.currentView(first.id))).toMatchObject({
        id: first.id,
        hash: first.hash,
        stored: { id: first.id, blocks: [] },
      });
      expect(() => fromStoredView(standIn.currentView('V0NEVER'))).toThrow(/no such view/);
    });

    it('answers not_found for a view it never opened, and currentView knows none', async () => {
      await expect(
        client.views.update({ view_id: 'V0NEVER', hash: 'x', view: modal('b') }),
      ).rejects.toMatchObject({ data: { error: 'not_found' } });
      expect(standIn.currentView('V0NEVER')).toBeUndefined();
    });

    it('keeps one App Home view per person and checks its hash on publish', async () => {
      const home = { type: 'home' as const, blocks: [] };
      const first = await client.views.publish({ user_id: 'U0HOME', view: home });
      const second = await client.views.publish({
        user_id: 'U0HOME',
        hash: first.view?.hash ?? '',
        view: home,
      });
      expect(second.view?.id).toBe(first.view?.id);
      expect(standIn.homeView('U0HOME')?.hash).toBe(second.view?.hash);
      await expect(
        client.views.publish({ user_id: 'U0HOME', hash: first.view?.hash ?? '', view: home }),
      ).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
      expect(standIn.homeView('U0HOME')?.hash).toBe(second.view?.hash);
      const other = await client.views.publish({ user_id: 'U0OTHER', view: home });
      expect(other.view?.id).not.toBe(first.view?.id);
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

  it('withholds the answer to a held call until released, the call already recorded', async () => {
    const held = standIn.holdNext('chat.postMessage', (c) => c.args.text === 'held');
    let answered = false;
    const update = client.chat.postMessage({ channel: 'C0DEPLOY', text: 'held' }).then((answer) => {
      answered = true;
      return answer;
    });
    expect((await held.arrived).args).toMatchObject({ text: 'held' });
    // Another call of the method is not held: it is answered while the held one is not.
    await expect(
      client.chat.postMessage({ channel: 'C0DEPLOY', text: 'other' }),
    ).resolves.toMatchObject({ ok: true });
    expect(answered).toBe(false);
    held.release();
    await expect(update).resolves.toMatchObject({ ok: true });
  });

  it('holds a call before it takes effect and, dropped, never applies nor records it', async () => {
    const held = standIn.holdNext('chat.postMessage', (c) => c.args.text === 'in flight', {
      beforeEffect: true,
    });
    const sent = client.chat.postMessage({ channel: 'C0FLIGHT', text: 'in flight' });
    await held.arrived;
    held.drop();
    await expect(sent).rejects.toBeDefined();
    expect(standIn.calls.some((c) => c.args.text === 'in flight')).toBe(false);
  });

  it('opens a direct message channel and waits for a matching call', async () => {
    const dm = await client.conversations.open({ users: 'U0REQUEST' });
    expect(dm.channel?.id).toBe('D0REQUEST');
    const waiting = standIn.waitFor((c) => c.method === 'chat.postEphemeral', 2000);
    await client.chat.postEphemeral({ channel: 'C0DEPLOY', user: 'U0REQUEST', text: 'private' });
    expect((await waiting).args).toMatchObject({ user: 'U0REQUEST' });
  });
});
