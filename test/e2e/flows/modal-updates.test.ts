import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCAL_SIGNING_SECRET,
  type LocalStack,
  startLocalStack,
} from '../../../demo/local-stack.js';
import { createSlackUser } from '../../../demo/slack-user.js';
import { filterSimCalls, readSimCallLog } from '../../../sim/aliyun/call-log.js';
import { answeredViewId } from '../../../sim/slack/answered-view.js';
import {
  buildBlockActionsBody,
  buildStateValues,
  FORM_CONTENT_TYPE,
  fromStoredView,
} from '../../../sim/slack/payloads.js';
import { postSigned } from '../../../sim/slack/sign-request.js';
import type { RecordedCall } from '../../../sim/slack/slack-standin.js';
import { REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { deployThroughSlack } from './deploy-through-slack.js';
import { buildFlowWorld, vllmImage } from './flow-world.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix: uniquePrefix('flow-modal'),
    sim: { world: buildFlowWorld() },
  });
});
afterAll(async () => stack?.stop());

const post = (body: string) =>
  postSigned(stack.eventsUrl, body, FORM_CONTENT_TYPE, LOCAL_SIGNING_SECRET);
const simLog = () => readSimCallLog(stack.simEnv.ALIYUN_SIM_STATE ?? '');
/** The view as Slack would send it in an action payload now: its id and current hash. */
const held = (viewId: string) => fromStoredView(stack.slack.currentView(viewId));
const viewOf = (c: RecordedCall) =>
  c.args.view as { blocks: { block_id?: string }[]; private_metadata: string };

/** Runs `/eas-deploy <text>` as a person and waits for the views.open it causes. */
async function openForm(text = '', userId?: string) {
  const person = createSlackUser({ eventsUrl: stack.eventsUrl, ...(userId ? { userId } : {}) });
  const before = stack.slack.calls.length;
  await person.command(text);
  return stack.slack.waitFor(
    (c) => c.method === 'views.open' && stack.slack.calls.indexOf(c) >= before,
    10_000,
  );
}

describe('the modal reacts to the region and the image', () => {
  it('adds the workspace select after opening when the command pre-fills a region with several', async () => {
    const opened = await openForm('region=cn-shanghai service_name=flow_prefill_ws', 'U0PREFILL');
    const viewId = answeredViewId(opened);
    const updated = await stack.slack.waitFor(
      (c) => c.method === 'views.update' && c.args.view_id === viewId,
      10_000,
    );
    expect(updated.response).toMatchObject({ ok: true });
    expect(viewOf(updated).blocks.map((b) => b.block_id)).toContain('workspace');
    // Once the form is open, its region's lists are read ahead of the person's first search.
    await expect
      .poll(async () => {
        const log = await simLog();
        return ['aiworkspace list-images', 'eas describe-machine-spec'].filter((op) =>
          filterSimCalls(log, op).some((c) => c.argv.includes('cn-shanghai')),
        );
      })
      .toHaveLength(2);
  });

  it('opens with no CLI call, then adds the workspace select for a region with several', async () => {
    // The previous test's read-ahead for cn-shanghai may still be paging on a loaded machine.
    const othersThan = async (region: string) =>
      (await simLog()).filter((c) => !c.argv.includes(region)).map((c) => c.argv.join(' '));
    const logBefore = await othersThan('cn-shanghai');
    const opened = await openForm();
    expect(await othersThan('cn-shanghai')).toEqual(logBefore);
    expect(viewOf(opened).blocks.map((b) => b.block_id)).not.toContain('workspace');
    const viewId = answeredViewId(opened);
    const pick = (region: string) =>
      post(
        buildBlockActionsBody({
          actionId: 'region',
          selectedValue: region,
          ...held(viewId),
          values: buildStateValues({ service_name: 'flow_ws' }, { region }),
        }),
      );
    await pick('cn-shanghai');
    const updated = await stack.slack.waitFor(
      (c) => c.method === 'views.update' && c.args.view_id === viewId,
      10_000,
    );
    const json = JSON.stringify(updated.args.view);
    expect(updated.response).toMatchObject({ ok: true });
    expect(viewOf(updated).blocks.map((b) => b.block_id)).toContain('workspace');
    expect(json).toContain('"value":"91001"');
    expect(json).toContain('"value":"91002"');
    expect(json).toContain('"initial_value":"flow_ws"');
    // A second pick of the same region is served from the cache.
    const workspacesCalls = filterSimCalls(await simLog(), 'aiworkspace list-workspaces').length;
    const updatesBefore = stack.slack.calls.filter((c) => c.method === 'views.update').length;
    await pick('cn-shanghai');
    await stack.slack.waitFor(
      (c) =>
        c.method === 'views.update' &&
        stack.slack.calls.filter((d) => d.method === 'views.update').length > updatesBefore,
      10_000,
    );
    expect(filterSimCalls(await simLog(), 'aiworkspace list-workspaces')).toHaveLength(
      workspacesCalls,
    );
    // Hangzhou has one ENABLED workspace (and one DISABLED): no select.
    await pick('cn-hangzhou');
    const single = await stack.slack.waitFor(
      (c) =>
        c.method === 'views.update' &&
        JSON.stringify(c.args.view).includes(
          '"initial_option":{"text":{"type":"plain_text","text":"cn-hangzhou"',
        ),
      10_000,
    );
    expect(viewOf(single).blocks.map((b) => b.block_id)).not.toContain('workspace');
  });

  it('fills an empty start command from the chosen image and keeps a typed one', async () => {
    const opened = await openForm();
    const viewId = answeredViewId(opened);
    const image = vllmImage('cn-hangzhou');
    await post(
      buildBlockActionsBody({
        actionId: 'image',
        selectedValue: image,
        ...held(viewId),
        values: buildStateValues({ port: '9000' }, { region: 'cn-hangzhou', image }),
      }),
    );
    const filled = await stack.slack.waitFor(
      (c) => c.method === 'views.update' && c.args.view_id === viewId,
      10_000,
    );
    expect(filled.response).toMatchObject({ ok: true });
    expect(JSON.stringify(filled.args.view)).toContain(
      '"initial_value":"vllm serve /model_dir --port 9000',
    );
    const updates = stack.slack.calls.filter((c) => c.method === 'views.update').length;
    await post(
      buildBlockActionsBody({
        actionId: 'image',
        selectedValue: image,
        ...held(viewId),
        values: buildStateValues(
          { command: 'python my_server.py' },
          { region: 'cn-hangzhou', image },
        ),
      }),
    );
    // The typed command wins: nothing to update (checked after a later, unrelated update arrives).
    await post(
      buildBlockActionsBody({
        actionId: 'network',
        selectedValue: 'nlb',
        ...held(viewId),
        values: buildStateValues(
          { command: 'python my_server.py' },
          { region: 'cn-hangzhou', network: 'nlb' },
        ),
      }),
    );
    const next = await stack.slack.waitFor(
      (c) =>
        c.method === 'views.update' &&
        stack.slack.calls.filter((d) => d.method === 'views.update').indexOf(c) >= updates,
      10_000,
    );
    const json = JSON.stringify(next.args.view);
    expect(next.response).toMatchObject({ ok: true });
    expect(json).toContain('"initial_value":"python my_server.py"');
    for (const id of ['nlb_id', 'vpc_id', 'vswitch_ids', 'security_group', 'net_type'])
      expect(json).toContain(`"block_id":"${id}"`);
  });

  it('keeps the form and the flow when a region pick reaches Slack after a newer update', async () => {
    const opened = await openForm();
    const viewId = answeredViewId(opened);
    // Image, then region, picked on the form as opened: both payloads carry its first hash.
    const asOpened = held(viewId);
    const image = vllmImage('cn-hangzhou');
    await post(
      buildBlockActionsBody({
        actionId: 'image',
        selectedValue: image,
        ...asOpened,
        values: buildStateValues({ service_name: 'flow_stale' }, { image }),
      }),
    );
    const filled = await stack.slack.waitFor(
      (c) => c.method === 'views.update' && c.args.view_id === viewId,
      10_000,
    );
    expect(filled.response).toMatchObject({ ok: true });
    const newer = stack.slack.currentView(viewId);
    await post(
      buildBlockActionsBody({
        actionId: 'region',
        selectedValue: 'cn-shanghai',
        ...asOpened,
        values: buildStateValues({ service_name: 'flow_stale' }, { region: 'cn-shanghai' }),
      }),
    );
    const refused = await stack.slack.waitFor(
      (c) => c.args.view_id === viewId && c.response?.error === 'hash_conflict',
      10_000,
    );
    expect(refused.method).toBe('views.update');
    // Slack left the form as the image update made it: the suggested command is still there.
    expect(stack.slack.currentView(viewId)).toEqual(newer);
    expect(JSON.stringify(newer)).toContain('"initial_value":"vllm serve /model_dir');
    // The person goes on with the form as Slack shows it (current hash): region, then Deploy.
    await post(
      buildBlockActionsBody({
        actionId: 'region',
        selectedValue: 'cn-hangzhou',
        ...held(viewId),
        values: buildStateValues({ service_name: 'flow_stale' }, { region: 'cn-hangzhou', image }),
      }),
    );
    const regionUpdate = await stack.slack.waitFor(
      (c) =>
        c.method === 'views.update' &&
        c.args.view_id === viewId &&
        stack.slack.calls.indexOf(c) > stack.slack.calls.indexOf(refused),
      10_000,
    );
    expect(regionUpdate.response).toMatchObject({ ok: true });
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'flow_stale' },
      { region: 'cn-hangzhou', image, instance_type: 'ecs.gn7i-c16g1.4xlarge' },
      held(viewId),
    );
    expect(flow.final).toContain('Deployment summary');
  });
});
