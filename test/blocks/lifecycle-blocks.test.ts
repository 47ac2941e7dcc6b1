import { describe, expect, it } from 'vitest';
import { buildHomeView } from '../../blocks/home-view.js';
import {
  buildDeleteConfirmation,
  buildOutcomeMessage,
  buildReminderMessage,
} from '../../blocks/lifecycle-messages.js';
import type { SlackMessage } from '../../blocks/progress-message.js';
import { buildSummaryMessage } from '../../blocks/result-message.js';
import { buildInstanceOptions } from '../../blocks/select-options.js';
import { buildHomeServiceBlocks, buildServiceListAnswer } from '../../blocks/service-list.js';
import { readMessageText as readArgs } from '../../sim/slack/render-conversation.js';
import { sendThroughSlack } from '../support/through-slack.js';
import { INSTANCES } from './fixtures.js';

const long = (n: number) => 'z'.repeat(n);
/** What a person reads of a message the bot would send. */
const readMessageText = (m: SlackMessage) => readArgs({ ...m });
const line = (i: number) => ({
  name: `svc_${i}_${long(55)}`,
  region: 'cn-hangzhou',
  status: i % 2 ? 'Running' : 'Stopped',
  owner: 'U0OWNER',
  expiry: `expires 2026-05-02 10:00 UTC (in ${i}h)`,
  cost: 'about USD 1.20/h, USD 28.80 until expiry',
  running: i % 2 === 1,
});
const reminder = {
  service: 'qwen_demo',
  region: 'cn-hangzhou',
  owner: 'U0OWNER',
  expiry: 'expires 2026-05-02 10:00 UTC (in 1h)',
  cost: 'about USD 1.20/h, USD 1.20 until expiry',
  ttl: '1d',
  expiresAtLabel: '2026-05-02T10:00:00Z',
  expired: false,
  atExpiry: 'stop' as const,
};

describe('the lifecycle messages', () => {
  it('remind the owner with Keep (the lifetime and the expiry it is for) and Stop', () => {
    const message = buildReminderMessage(reminder);
    expect(readMessageText(message)).toBe(
      [
        '⏰ <@U0OWNER>, `qwen_demo` in cn-hangzhou expires 2026-05-02 10:00 UTC (in 1h). At expiry it will be stopped (not deleted).',
        'Cost: about USD 1.20/h, USD 1.20 until expiry',
        '[Keep 1d more]',
        '[Stop now]',
      ].join('\n'),
    );
    const buttons = JSON.stringify(message.blocks);
    expect(buttons).toContain(
      '"action_id":"ttl_keep","value":"{\\"region\\":\\"cn-hangzhou\\",\\"service\\":\\"qwen_demo\\",\\"ttl\\":\\"1d\\",\\"from\\":\\"2026-05-02T10:00:00Z\\"}"',
    );
    expect(buttons).toContain(
      '"action_id":"ttl_stop","value":"{\\"region\\":\\"cn-hangzhou\\",\\"service\\":\\"qwen_demo\\"}"',
    );
  });

  it('say after expiry, with EAS_TTL_ACTION=remind, that it still runs and nothing was stopped', () => {
    const text = readMessageText(
      buildReminderMessage({
        ...reminder,
        expiry: 'expired 5m ago',
        expired: true,
        atExpiry: 'remind',
      }),
    );
    expect(text).toContain('`qwen_demo` in cn-hangzhou expired 5m ago. It is still running.');
  });

  it('keep the mentions of the bot’s own reasons and escape what the CLI said', () => {
    const refused = buildOutcomeMessage({
      verb: 'delete',
      doneWord: 'deleted',
      service: 'qwen_demo',
      region: 'cn-hangzhou',
      userId: 'U0STRANGER',
      outcome: { result: 'refused', reason: "Only `qwen_demo`'s owner <@U0OWNER> may delete it." },
      opId: 'l-abc123',
    });
    expect(readMessageText(refused)).toContain('owner <@U0OWNER> may delete it.');
    const failed = buildOutcomeMessage({
      verb: 'stop',
      doneWord: 'stopped',
      service: 'qwen_demo',
      region: 'cn-hangzhou',
      outcome: { result: 'failed', reason: 'The stop failed.', error: '<script> & co' },
      opId: 'l-abc123',
    });
    expect(readMessageText(failed)).toContain('`&lt;script&gt; &amp; co`');
    expect(readMessageText(failed)).toContain('By the expiry schedule');
  });

  it('name the service in the delete confirmation, whose one button confirms it', () => {
    const message = buildDeleteConfirmation('cn-hangzhou', 'qwen_demo');
    expect(readMessageText(message)).toContain('*Delete `qwen_demo` in cn-hangzhou?*');
    expect(JSON.stringify(message.blocks)).toContain('"action_id":"svc_delete_confirm"');
  });

  it('list every service with owner, expiry and cost, and the total per hour', () => {
    const text = readMessageText(
      buildServiceListAnswer({
        lines: [line(1)],
        problems: ['cn-beijing: timeout'],
        total: { amount: 'USD 1.20' },
      }),
    );
    expect(text).toContain(
      `• \`${line(1).name}\` · cn-hangzhou · *Running* · owner <@U0OWNER> · expires 2026-05-02 10:00 UTC (in 1h) · about USD 1.20/h, USD 28.80 until expiry`,
    );
    expect(text).toContain('Running now: USD 1.20 per hour in all.');
    expect(text).toContain('Not listed (the cloud did not answer): cn-beijing: timeout');
  });

  it('offer Start instead of Stop on App Home for a stopped service', () => {
    const blocks = JSON.stringify(buildHomeServiceBlocks({ lines: [line(2)], extendBy: '1d' }));
    expect(blocks).toContain('"action_id":"svc_start"');
    expect(blocks).not.toContain('"action_id":"svc_stop"');
  });
});

describe('Block Kit limits of the lifecycle surfaces, as Slack (the stand-in) checks them', () => {
  const lines = Array.from({ length: 80 }, (_, i) => line(i));
  const views = {
    'app home with 80 services': buildHomeView(
      [],
      undefined,
      buildHomeServiceBlocks({ lines, extendBy: '1d', total: { amount: 'USD 9' } }),
    ),
  };
  const messages = {
    reminder: buildReminderMessage({ ...reminder, service: long(63), cost: long(4000) }),
    'long list': buildServiceListAnswer({ lines, problems: [long(4000)] }),
    'failed outcome': buildOutcomeMessage({
      verb: 'rollback',
      doneWord: 'rolled back',
      service: long(63),
      region: 'cn-hangzhou',
      outcome: { result: 'failed', reason: long(3000), error: long(5000) },
      opId: 'l-1',
    }),
    'delete confirmation': buildDeleteConfirmation('cn-hangzhou', long(63)),
    'summary with lifetime': buildSummaryMessage(
      {
        serviceName: long(63),
        region: 'cn-hangzhou',
        status: 'Running',
        port: 8000,
        endpoints: [],
        curlExamples: [],
        notes: [],
        lifetime: { expiry: long(300), extendBy: '1d', cost: long(3000) },
      },
      'd-1',
    ),
  };
  it.each(Object.entries(views))('Slack publishes the %s view', async (_name, view) => {
    expect(await sendThroughSlack(view, 'view')).toEqual(expect.objectContaining({ ok: true }));
  });
  it.each(Object.entries(messages))('Slack accepts the %s message', async (_name, message) => {
    expect(await sendThroughSlack(message, 'message')).toEqual(
      expect.objectContaining({ ok: true }),
    );
  });
});

describe('instance types in the modal with a price table', () => {
  it('show the hourly price instead of vCPU and memory, within 75 characters', () => {
    const options = buildInstanceOptions(INSTANCES, '', (t) =>
      t === 'ecs.gn7i-c16g1.4xlarge' ? 'USD 1.20/h' : undefined,
    );
    expect(options[0]?.text.text).toBe(
      'ecs.gn7i-c16g1.4xlarge · 1× NVIDIA A10 24 GB · USD 1.20/h · in stock',
    );
    expect(options[2]?.text.text).toContain('vCPU');
    expect(options.every((o) => o.text.text.length <= 75)).toBe(true);
  });
});
