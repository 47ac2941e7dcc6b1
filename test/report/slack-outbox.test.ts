import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, startSlackStandIn } from '../../sim/slack/slack-standin.js';
import { tellPrivately } from '../../src/report/tell-privately.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';
import { createTestOutbox } from '../support/test-outbox.js';

const redis = connectRedis();
const prefix = uniquePrefix('outbox');
let standIn: SlackStandIn;
beforeAll(async () => {
  await redis.ping();
  standIn = await startSlackStandIn({ notInChannel: ['C0NOTIN'] });
});
afterAll(async () => {
  await standIn.close();
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

const message = (text: string) => ({ text, blocks: [] });
const okCalls = (method: string, channel: string) =>
  standIn.calls.filter((c) => c.method === method && c.args.channel === channel && c.response?.ok);

describe('the outbox', () => {
  it('sheds waiting progress states across messages, never a final one, and stays within Slack’s limits', async () => {
    const outbox = createTestOutbox(standIn, { redis, prefix, token: 'xoxb-shed' });
    const refs = [];
    for (let i = 0; i < 6; i += 1) {
      const ts = await outbox.post({ channel: `C0SHED${i}` }, message(`parent ${i}`));
      refs.push({ channel: `C0SHED${i}`, ts });
    }
    for (let step = 0; step < 10; step += 1) {
      for (const ref of refs) await outbox.edit(ref, message(`step ${step}`), { final: false });
    }
    await Promise.all(refs.map((ref) => outbox.edit(ref, message('final'), { final: true })));
    for (const ref of refs) {
      expect(okCalls('chat.update', ref.channel).at(-1)?.args.text).toBe('final');
    }
    const edits = refs.flatMap((ref) => okCalls('chat.update', ref.channel));
    expect(edits.length).toBeLessThan(60);
    expect(outbox.shedEdits).toBeGreaterThan(0);
    expect(standIn.rateLimited).toEqual([]);
    outbox.close();
  });

  it('posts at once while progress edits wait for the budget', async () => {
    const outbox = createTestOutbox(standIn, { redis, prefix, token: 'xoxb-lanes' });
    const ts = await outbox.post({ channel: 'C0LANES' }, message('parent'));
    for (let i = 0; i < 20; i += 1) {
      await outbox.edit({ channel: 'C0LANES', ts }, message(`step ${i}`), { final: false });
    }
    const started = Date.now();
    await outbox.post({ channel: 'C0LANES2', threadTs: ts }, message('summary'));
    await outbox.postEphemeral({ channel: 'C0LANES', user: 'U0REQUEST' }, message('token'));
    expect(Date.now() - started).toBeLessThan(2_000);
    outbox.close();
  });

  it('waits out a 429 Slack answers anyway, then delivers the message', async () => {
    const outbox = createTestOutbox(standIn, { redis, prefix, token: 'xoxb-429' });
    standIn.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    await outbox.post({ channel: 'C0RETRY' }, message('after the wait'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(okCalls('chat.postMessage', 'C0RETRY').map((c) => c.args.text)).toEqual([
      'after the wait',
    ]);
    expect(outbox.rateLimited).toBe(1);
  });

  it('redacts every message but the private token message', async () => {
    const outbox = createTestOutbox(standIn, { redis, prefix, token: 'xoxb-redact' });
    await outbox.post({ channel: 'C0REDACT' }, message('leaked xoxb-9999-8888-secretvalue'));
    await outbox.post({ channel: 'C0REDACT' }, message('token Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFi'), {
      secret: true,
    });
    const texts = okCalls('chat.postMessage', 'C0REDACT').map((c) => String(c.args.text));
    expect(texts[0]).not.toContain('xoxb-9999');
    expect(texts[1]).toContain('Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFi');
  });
});

describe('telling a person privately', () => {
  it('answers ephemerally in the thread, or by direct message when the bot is not in the channel', async () => {
    const outbox = createTestOutbox(standIn, { redis, prefix, token: 'xoxb-private' });
    await tellPrivately(
      outbox,
      { userId: 'U0ASK', channelId: 'C0HERE', threadTs: '1.2' },
      message('here'),
    );
    expect(okCalls('chat.postEphemeral', 'C0HERE')[0]?.args).toMatchObject({
      user: 'U0ASK',
      thread_ts: '1.2',
    });
    await tellPrivately(outbox, { userId: 'U0ASK', channelId: 'C0NOTIN' }, message('in a DM'));
    expect(okCalls('chat.postMessage', 'D0ASK').map((c) => c.args.text)).toEqual(['in a DM']);
  });
});
