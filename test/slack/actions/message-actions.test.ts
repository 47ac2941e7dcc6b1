import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildBlockActionsBody,
  buildStateValues,
  fromStoredView,
  nextTriggerId,
} from '../../../sim/slack/payloads.js';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

const onSummary = { channelId: 'C0DEPLOY', ts: '1700000000.000100' };
const ephemeralsTo = (user: string) =>
  h.standIn.calls.filter((c) => c.method === 'chat.postEphemeral' && c.args.user === user);

describe('buttons and the network select', () => {
  it('refreshes the status with exactly one describe per click, privately in the thread', async () => {
    const before = h.ports.described.length;
    await h.post(
      buildBlockActionsBody({ actionId: 'refresh_status', value: 'd-1', message: onSummary }),
    );
    const reply = await h.standIn.waitFor(
      (c) => c.method === 'chat.postEphemeral' && String(c.args.text).includes('Running'),
      5000,
    );
    expect(reply.args).toMatchObject({
      channel: 'C0DEPLOY',
      user: 'U0REQUEST',
      thread_ts: onSummary.ts,
    });
    expect(h.ports.described.length - before).toBe(1);
  });

  it('reopens the modal pre-filled but without a name for a redeploy', async () => {
    await h.post(buildBlockActionsBody({ actionId: 'redeploy', value: 'd-1', message: onSummary }));
    const open = await h.standIn.waitFor((c) => c.method === 'views.open', 5000);
    const json = JSON.stringify(open.args.view);
    expect(json).toContain('"initial_value":"8000"');
    expect(json).toContain('"value":"ecs.gn7i-c16g1.4xlarge"');
    expect(json).not.toContain('"initial_value":"qwen_demo"');
  });

  it('sends the token again only to the requester', async () => {
    await h.post(
      buildBlockActionsBody({
        actionId: 'resend_token',
        value: 'd-1',
        userId: 'U0STRANGER',
        message: onSummary,
      }),
    );
    const no = await h.standIn.waitFor(
      (c) => c.method === 'chat.postEphemeral' && c.args.user === 'U0STRANGER',
      5000,
    );
    expect(String(no.args.text)).toContain('only <@U0REQUEST>');
    expect(JSON.stringify(ephemeralsTo('U0STRANGER'))).not.toContain('SECRET-TOKEN-123');
    await h.post(
      buildBlockActionsBody({ actionId: 'resend_token', value: 'd-1', message: onSummary }),
    );
    await h.standIn.waitFor(
      (c) =>
        c.method === 'chat.postEphemeral' &&
        JSON.stringify(c.args.blocks).includes('SECRET-TOKEN-123'),
      5000,
    );
    const leaked = h.standIn.calls.filter(
      (c) => c.method === 'chat.postMessage' && JSON.stringify(c.args).includes('SECRET-TOKEN-123'),
    );
    expect(leaked).toEqual([]);
  });

  it('updates the modal to show only the chosen network mode’s fields, keeping block ids', async () => {
    const opened = await h.standIn.waitFor((c) => c.method === 'views.open', 5000);
    const values = buildStateValues(
      { service_name: 'qwen_net' },
      { region: 'cn-hangzhou', network: 'gateway' },
    );
    // The stand-in only updates views it opened: use the one views.open answered.
    const answered = await fetch(`${h.standIn.apiUrl}views.open`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json' },
      body: JSON.stringify({ trigger_id: nextTriggerId(), view: opened.args.view }),
    }).then((r) => r.json() as Promise<{ view: { id: string } }>);
    await h.post(
      buildBlockActionsBody({
        actionId: 'network',
        selectedValue: 'gateway',
        ...fromStoredView(h.standIn.currentView(answered.view.id)),
        values,
      }),
    );
    const update = await h.standIn.waitFor((c) => c.method === 'views.update', 5000);
    const blocks = (update.args.view as { blocks: { block_id?: string }[] }).blocks.map(
      (b) => b.block_id,
    );
    expect(update.args.view_id).toBe(answered.view.id);
    expect(update.response).toMatchObject({ ok: true });
    expect(blocks).toContain('gateway');
    expect(JSON.stringify(update.args.view)).toContain('"initial_value":"qwen_net"');
  });
});
