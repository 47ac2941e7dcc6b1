import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSlashCommandBody,
  buildStateValues,
  buildViewSubmissionBody,
  nextTriggerId,
} from '../../sim/slack/payloads.js';
import { renderConversation } from '../../sim/slack/render-conversation.js';
import { createSlackReporter } from '../../src/report/slack-reporter.js';
import { type SlackHarness, startSlackHarness } from '../support/slack-harness.js';
import { createTestOutbox } from '../support/test-outbox.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

describe('a deployment as the channel sees it', () => {
  it('goes from the slash command to a summary in the thread, the token only in private', async () => {
    const trigger = nextTriggerId();
    await h.post(buildSlashCommandBody({ trigger_id: trigger, channel_id: 'C0TEAM' }));
    const open = await h.standIn.waitFor(
      (c) => c.method === 'views.open' && c.args.trigger_id === trigger,
      5000,
    );
    const metadata = (open.args.view as { private_metadata: string }).private_metadata;
    const values = buildStateValues(
      { service_name: 'qwen_flow', replicas: '1', port: '8000' },
      {
        region: 'cn-hangzhou',
        image: 'vllm',
        instance_type: 'ecs.gn7i-c16g1.4xlarge',
        network: 'shared',
      },
    );
    const ack = await h.post(buildViewSubmissionBody({ values, private_metadata: metadata }));
    expect(ack.status).toBe(200);
    const job = h.ports.submitted.at(-1);
    expect(job).toMatchObject({
      channelId: 'C0TEAM',
      userId: 'U0REQUEST',
      spec: { serviceName: 'qwen_flow' },
    });

    // What the worker does with the job, through the real reporter and the same stand-in.
    const reporter = createSlackReporter({
      outbox: createTestOutbox(h.standIn),
      tokenDelivery: 'ephemeral',
      notifyChannel: 'C0NOTIFY',
    });
    const address = {
      deploymentId: 'd-flow',
      channelId: 'C0TEAM',
      userId: 'U0REQUEST',
      serviceName: 'qwen_flow',
      region: 'cn-hangzhou',
    };
    const parentTs = await reporter.start(address);
    await reporter.progress({ ...address, parentTs }, [
      {
        id: 'create',
        title: 'Create the service',
        status: 'passed',
        detail: '',
        startedAt: 0,
        finishedAt: 900,
      },
    ]);
    await reporter.finish(
      { ...address, parentTs },
      {
        result: 'deployed',
        summary: {
          serviceName: 'qwen_flow',
          region: 'cn-hangzhou',
          status: 'Running',
          port: 8000,
          notes: ['Generated nothing; name as asked.'],
          curlExamples: ['curl -H "Authorization: <AccessToken>" http://x/api/predict/qwen_flow'],
          endpoints: [
            {
              type: 'shared gateway',
              internet: 'http://x/api/predict/qwen_flow',
              intranet: 'http://vpc/api/predict/qwen_flow',
              port: 8000,
            },
          ],
        },
      },
      'TOKEN-FLOW-SECRET',
    );

    const inChannel = h.standIn.calls.filter(
      (c) => c.args.channel === 'C0TEAM' && c.method !== 'chat.postEphemeral',
    );
    expect(inChannel[0]?.method).toBe('chat.postMessage');
    expect(inChannel[0]?.args.thread_ts).toBeUndefined();
    // The checklist state that waited was shed; the last edit says how it ended.
    const edits = inChannel.filter((c) => c.method === 'chat.update');
    expect(edits.length).toBeLessThanOrEqual(2);
    expect(String(edits.at(-1)?.args.text)).toContain('Deployed');
    expect(inChannel.filter((c) => c.args.thread_ts === parentTs)).toHaveLength(1);
    expect(JSON.stringify(inChannel)).not.toContain('TOKEN-FLOW-SECRET');
    // The stand-in checks every message against Slack's Block Kit limits.
    expect(inChannel.every((c) => c.response?.ok)).toBe(true);
    const secret = h.standIn.calls.filter((c) =>
      JSON.stringify(c.args).includes('TOKEN-FLOW-SECRET'),
    );
    expect(secret.map((c) => [c.method, c.args.user])).toEqual([
      ['chat.postEphemeral', 'U0REQUEST'],
    ]);
  });
});

describe('rendering the channel for the demo', () => {
  it('shows the parent as last edited with the summary under it, and the private token marked', async () => {
    const text = renderConversation(h.standIn.calls, 'C0TEAM');
    expect(
      text.startsWith('*✓ Deployed `qwen_flow` to cn-hangzhou*\n✓ Create the service (0.9s)'),
    ).toBe(true);
    expect(text).toContain('    │ *Deployment summary — `qwen_flow`*');
    expect(text).toContain('    │ (only visible to <@U0REQUEST>)');
    expect(text).toContain('[Refresh status]');
  });
});
