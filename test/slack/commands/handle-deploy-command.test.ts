import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSlashCommandBody } from '../../../sim/slack/payloads.js';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.js';
import { findSlackLimitViolations } from '../../support/slack-limits.js';

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
    const answer = await command('', { trigger_id: 'trigger-empty', channel_id: 'C0ROOM' });
    expect(answer.status).toBe(200);
    const open = await h.standIn.waitFor(
      (c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-empty',
      5000,
    );
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('eas_deploy');
    expect(JSON.parse(view.private_metadata)).toEqual({ channelId: 'C0ROOM' });
    expect(h.ports.catalogCalls).toEqual([]);
    expect(findSlackLimitViolations(open.args.view as object, 'view')).toEqual([]);
  });

  it('pre-fills the modal from key=value text, with the image’s start command', async () => {
    await command('region=cn-hangzhou service_name=qwen_x image=vllm replicas=2', {
      trigger_id: 'trigger-prefill',
    });
    const open = await h.standIn.waitFor(
      (c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-prefill',
      5000,
    );
    const json = JSON.stringify(open.args.view);
    expect(json).toContain('"initial_value":"qwen_x"');
    expect(json).toContain('"initial_value":"2"');
    expect(json).toContain('vllm serve /model_dir --port 8000');
  });

  it('tells the person privately when Slack refuses to open the form', async () => {
    h.standIn.failNext('views.open', { error: 'expired_trigger_id' });
    const answer = await command('', { trigger_id: 'trigger-expired' });
    expect(answer.status).toBe(200);
    const reply = await h.standIn.waitFor(
      (c) => c.method === 'response_url' && String(c.args.text).includes('could not open'),
      5000,
    );
    expect(reply.args).toMatchObject({ response_type: 'ephemeral' });
  });

  it('answers help with the usage, privately', async () => {
    const answer = await command('help');
    expect(answer.json).toMatchObject({ response_type: 'ephemeral' });
    expect(answer.text).toContain('/eas-deploy status');
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
        5_000,
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
