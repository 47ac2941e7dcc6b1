import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSlashCommandBody, nextTriggerId } from '../../../sim/slack/payloads.js';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

const postCommand = (to: SlackHarness, text: string, extra = {}) =>
  to.post(buildSlashCommandBody({ text, response_url: `${to.standIn.responseUrl}cmd`, ...extra }));
const command = (text: string, extra = {}) => postCommand(h, text, extra);

describe('/eas-deploy', () => {
  it('opens the deploy modal with the trigger and the channel, without touching the catalog', async () => {
    const trigger = nextTriggerId();
    const answer = await command('', { trigger_id: trigger, channel_id: 'C0ROOM' });
    expect(answer.status).toBe(200);
    const open = await h.standIn.waitFor(
      (c) => c.method === 'views.open' && c.args.trigger_id === trigger,
      30_000,
    );
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('eas_deploy');
    expect(JSON.parse(view.private_metadata)).toEqual({ channelId: 'C0ROOM' });
    expect(h.ports.catalogCalls).toEqual([]);
    // The stand-in opened it: the modal fits Slack's Block Kit limits.
    expect(open.response).toMatchObject({ ok: true });
  });

  it('pre-fills the modal from key=value text, with the image’s start command', async () => {
    const trigger = nextTriggerId();
    await command('region=cn-hangzhou service_name=qwen_x image=vllm replicas=2', {
      trigger_id: trigger,
    });
    const open = await h.standIn.waitFor(
      (c) => c.method === 'views.open' && c.args.trigger_id === trigger,
      30_000,
    );
    const json = JSON.stringify(open.args.view);
    expect(json).toContain('"initial_value":"qwen_x"');
    expect(json).toContain('"initial_value":"2"');
    expect(json).toContain('vllm serve /model_dir --port 8000');
  });

  it('opens the form without the pre-fill values it cannot hold, and names them in it', async () => {
    const trigger = nextTriggerId();
    await command('region=cn-nowhere service_name=qwen_x replicas=-3', { trigger_id: trigger });
    const open = await h.standIn.waitFor(
      (c) => c.method === 'views.open' && c.args.trigger_id === trigger,
      30_000,
    );
    const view = open.args.view as { blocks: { block_id?: string }[] };
    const json = JSON.stringify(view);
    expect(json).toContain('Left out of the form');
    expect(json).toContain(
      '`region=cn-nowhere` — Region must be one of the regions this bot offers (cn-hangzhou,',
    );
    expect(json).toContain(
      '`replicas=-3` — Replicas must be a whole number from 1 to 100, for example 1.',
    );
    expect(json).toContain('"initial_value":"qwen_x"');
    const region = view.blocks.find((b) => b.block_id === 'region');
    expect(JSON.stringify(region)).not.toContain('initial_option');
    expect(open.response?.ok).toBe(true);
  });

  it('tells the person privately when Slack refuses to open the form', async () => {
    // A trigger issued 4 s ago: Slack takes one for 3 s only.
    const answer = await command('', { trigger_id: nextTriggerId(Date.now() - 4_000) });
    expect(answer.status).toBe(200);
    const reply = await h.standIn.waitFor(
      (c) => c.method === 'response_url' && String(c.args.text).includes('could not open'),
      30_000,
    );
    expect(reply.args).toMatchObject({ response_type: 'ephemeral' });
  });

  it('answers help with the usage, privately', async () => {
    const answer = await command('help');
    expect(answer.json).toMatchObject({ response_type: 'ephemeral' });
    expect(answer.text).toContain('/eas-deploy status');
    expect(answer.text).toContain('Values with spaces take quotes');
  });

  it('answers status with one describe-service result, in the acknowledgement itself', async () => {
    const reply = await command('status qwen_demo cn-beijing');
    expect(reply.json).toMatchObject({
      response_type: 'ephemeral',
      text: 'qwen_demo in cn-beijing: Running',
    });
    expect(h.ports.described).toEqual([{ serviceName: 'qwen_demo', region: 'cn-beijing' }]);
  });

  it('acknowledges at once and answers through response_url when the lookup is slow', async () => {
    // A Slack budget far shorter than the lookup, which answers only once the ack has gone out.
    const slow = await startSlackHarness({ ackBudgetMs: 50 });
    let answerLookup = () => {};
    const looked = new Promise<void>((resolve) => {
      answerLookup = resolve;
    });
    const { describe } = slow.ports.status;
    Object.assign(slow.ports.status, {
      describe: async (serviceName: string, region: string) => {
        await looked;
        return describe(serviceName, region);
      },
    });
    try {
      const ack = await postCommand(slow, 'status slow_service cn-beijing');
      expect(ack.status).toBe(200);
      expect(String((ack.json as { text?: string }).text)).toContain('Looking up');
      answerLookup();
      const reply = await slow.standIn.waitFor(
        (c) => c.method === 'response_url' && String(c.args.text).includes('slow_service'),
        30_000,
      );
      expect(reply.args).toMatchObject({ response_type: 'ephemeral' });
    } finally {
      await slow.close();
    }
  });

  it('answers list with the recent deployments', async () => {
    const reply = await command('list cn-hangzhou');
    expect(String((reply.json as { text?: string }).text)).toMatch(/^Recent/);
    expect(JSON.stringify(reply.json)).toContain('qwen_demo');
  });

  it('answers unknown or oversized text clearly instead of opening the modal', async () => {
    const unknown = await command('deploy everything now');
    expect(unknown.text).toContain('I did not understand');
    const huge = await command(`service_name=${'a'.repeat(3000)}`);
    expect(huge.text).toContain('too long');
  });
});
