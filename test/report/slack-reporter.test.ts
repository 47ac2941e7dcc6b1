import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, startSlackStandIn } from '../../sim/slack/slack-standin.js';
import type { DeploymentResult, StepRecord } from '../../src/deploy/outcome.js';
import type { SlackOutbox } from '../../src/report/slack-outbox.js';
import { createSlackReporter } from '../../src/report/slack-reporter.js';
import { createTestOutbox } from '../support/test-outbox.js';

let standIn: SlackStandIn;
let outbox: SlackOutbox;
beforeAll(async () => {
  standIn = await startSlackStandIn({ notInChannel: ['C0PRIVATE'] });
  outbox = createTestOutbox(standIn);
});
afterAll(() => standIn.close());

let n = 0;
const address = (channelId = 'C0DEPLOY') => ({
  deploymentId: `d-${++n}`,
  channelId,
  userId: 'U0REQUEST',
  serviceName: 'qwen_demo',
  region: 'cn-hangzhou',
});
const step = (title: string, status: StepRecord['status']): StepRecord => ({
  id: title,
  title,
  status,
  detail: '',
  startedAt: 0,
  finishedAt: 1200,
});
const deployed: DeploymentResult = {
  result: 'deployed',
  summary: {
    serviceName: 'qwen_demo',
    region: 'cn-hangzhou',
    status: 'Running',
    port: 8000,
    notes: [],
    endpoints: [
      {
        type: 'shared gateway',
        internet: 'http://1.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen_demo',
        intranet: null,
        port: 8000,
      },
    ],
    curlExamples: [
      'curl -H "Authorization: <AccessToken>" http://1.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen_demo',
    ],
  },
};
const callsFor = (channel: string) => standIn.calls.filter((c) => c.args.channel === channel);

describe('the Slack reporter', () => {
  it('posts one parent, edits it with a coalesced checklist ending in its final state, and replies with the summary in its thread', async () => {
    const reporter = createSlackReporter({ outbox, tokenDelivery: 'ephemeral' });
    const a = address();
    const ts = await reporter.start(a);
    const parent = standIn.calls.find(
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'C0DEPLOY',
    );
    expect(parent?.args.text).toBe('Deploying `qwen_demo` to cn-hangzhou…');
    const before = standIn.calls.filter((c) => c.method === 'chat.update').length;
    for (const status of ['running', 'passed'] as const) {
      await reporter.progress({ ...a, parentTs: ts }, [step('Check the name is free', status)]);
      await reporter.progress({ ...a, parentTs: ts }, [
        step('Check the name is free', 'passed'),
        step('Create the service', status),
      ]);
    }
    await reporter.finish({ ...a, parentTs: ts }, deployed, 'SECRET-TOKEN-1');
    const updates = standIn.calls.filter((c) => c.method === 'chat.update').slice(before);
    // Four checklist states in quick succession: the waiting ones are shed, the final one lands.
    expect(updates.length).toBeLessThanOrEqual(2);
    expect(JSON.stringify(updates.at(-1)?.args.blocks)).toContain('✓ Create the service');
    expect(updates.at(-1)?.args.text).toBe('✓ Deployed `qwen_demo` to cn-hangzhou');
    const reply = standIn.calls.find(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === ts,
    );
    expect(JSON.stringify(reply?.args.blocks)).toContain('(not available for this network type)');
    // Escaped as Slack's mrkdwn wants it (it reads <x> as a link), and kept by the redactor.
    expect(JSON.stringify(reply?.args.blocks)).toContain('Authorization: &lt;AccessToken&gt;');
  });

  it('posts a failure of a deployment that never got its parent as one message in the channel', async () => {
    // A job failed before any worker posted its parent (e.g. BullMQ gave up on it for stalling).
    const reporter = createSlackReporter({ outbox, tokenDelivery: 'ephemeral' });
    const a = address();
    const before = standIn.calls.length;
    await reporter.finish(a, {
      result: 'failed',
      step: 'internal',
      reason: 'The deployment was interrupted 3 times',
    });
    const calls = standIn.calls.slice(before);
    expect(calls.map((c) => [c.method, c.args.channel, c.args.thread_ts])).toEqual([
      ['chat.postMessage', 'C0DEPLOY', undefined],
    ]);
    expect(calls[0]?.args.text).toContain('Deploying `qwen_demo` failed.');
    expect(JSON.stringify(calls[0]?.args.blocks)).toContain(a.deploymentId);
  });

  it('sends the token only privately, never in a message the channel can see', async () => {
    const reporter = createSlackReporter({ outbox, tokenDelivery: 'both' });
    const a = address();
    const ts = await reporter.start(a);
    await reporter.finish({ ...a, parentTs: ts }, deployed, 'SECRET-TOKEN-2');
    const withToken = standIn.calls.filter((c) =>
      JSON.stringify(c.args).includes('SECRET-TOKEN-2'),
    );
    expect(withToken.map((c) => [c.method, c.args.channel])).toEqual([
      ['chat.postEphemeral', 'C0DEPLOY'],
      ['chat.postMessage', 'D0REQUEST'],
    ]);
  });

  it('tells the notify channel one line with the result and a link to the thread', async () => {
    const reporter = createSlackReporter({
      outbox,
      tokenDelivery: 'dm',
      notifyChannel: 'C0NOTIFY',
    });
    const a = address();
    const ts = await reporter.start(a);
    await reporter.finish(
      { ...a, parentTs: ts },
      {
        result: 'blocked',
        step: 'Check the name is free',
        reason: 'A service named qwen_demo already exists in cn-hangzhou.',
      },
    );
    const lines = callsFor('C0NOTIFY');
    expect(lines).toHaveLength(1);
    expect(String(lines[0]?.args.text)).toContain('blocked');
    expect(String(lines[0]?.args.text)).toContain(`p${ts.replace('.', '')}`);
    const reply = standIn.calls.find(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === ts,
    );
    expect(String(reply?.args.text)).toContain('Stopped before changing anything');
  });

  it('tells the requester privately how to invite the bot when it is not in the channel', async () => {
    const reporter = createSlackReporter({ outbox, tokenDelivery: 'ephemeral' });
    const a = address('C0PRIVATE');
    const from = standIn.calls.length;
    const ts = await reporter.start(a);
    await reporter.finish({ ...a, parentTs: ts }, deployed, 'SECRET-TOKEN-3');
    const dm = standIn.calls
      .slice(from)
      .filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'D0REQUEST');
    expect(String(dm[0]?.args.text)).toContain('/invite @eas-deploy');
    expect(dm.some((c) => c.args.thread_ts === ts)).toBe(true);
  });

  it('still sends the notify line when the direct message with the token cannot be opened', async () => {
    const errors: unknown[] = [];
    const reporter = createSlackReporter({
      outbox,
      tokenDelivery: 'both',
      notifyChannel: 'C0NOTIFYDM',
      onError: (error) => errors.push(error),
    });
    const a = address();
    await reporter.start(a);
    standIn.failNext('conversations.open', { error: 'missing_scope' });
    await reporter.finish(a, deployed, 'TOKEN-dm-fails');
    expect(callsFor('C0NOTIFYDM')).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });

  it('finds its parent by message metadata, and posts again only when the lookup is not allowed', async () => {
    const reporter = createSlackReporter({ outbox, tokenDelivery: 'ephemeral' });
    const a = address('C0LOOKUP');
    const since = Date.now();
    const ts = await reporter.start(a);
    const parent = standIn.calls.find(
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'C0LOOKUP',
    );
    expect(parent?.args.metadata).toEqual({
      event_type: 'eas_deploy_deployment',
      event_payload: { deployment_id: a.deploymentId },
    });
    const other = createSlackReporter({ outbox, tokenDelivery: 'ephemeral' });
    expect(await other.findStart(a, since)).toBe(ts);
    expect(await other.findStart(address('C0LOOKUP'), since)).toBeUndefined();
    // An install that was not yet granted channels:history answers missing_scope: not found.
    const errors: unknown[] = [];
    const unscoped = createSlackReporter({
      outbox,
      tokenDelivery: 'ephemeral',
      onError: (e) => errors.push(e),
    });
    standIn.failNext('conversations.history', { error: 'missing_scope' });
    expect(await unscoped.findStart(a, since)).toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});
