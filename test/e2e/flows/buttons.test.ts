import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCAL_SIGNING_SECRET,
  type LocalStack,
  startLocalStack,
} from '../../../demo/local-stack.js';
import { filterSimCalls, readSimCallLog } from '../../../sim/aliyun/call-log.js';
import { answeredViewId } from '../../../sim/slack/answered-view.js';
import {
  buildBlockActionsBody,
  buildStateValues,
  buildViewSubmissionBody,
  FORM_CONTENT_TYPE,
  fromStoredView,
} from '../../../sim/slack/payloads.js';
import { postSigned } from '../../../sim/slack/sign-request.js';
import type { RecordedCall } from '../../../sim/slack/slack-standin.js';
import { REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { readTokenFromSim } from '../../support/sim-token.js';
import { deployThroughSlack, type FlowResult } from './deploy-through-slack.js';
import { buildFlowWorld, vllmImage } from './flow-world.js';

let stack: LocalStack;
let flow: FlowResult;
beforeAll(async () => {
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix: uniquePrefix('flow-ui'),
    sim: { world: buildFlowWorld() },
  });
  flow = await deployThroughSlack(
    stack,
    { service_name: 'flow_buttons' },
    {
      region: 'cn-hangzhou',
      image: vllmImage('cn-hangzhou'),
      instance_type: 'ecs.gn7i-c16g1.4xlarge',
    },
  );
});
afterAll(async () => stack?.stop());

const post = (body: string) =>
  postSigned(stack.eventsUrl, body, FORM_CONTENT_TYPE, LOCAL_SIGNING_SECRET);
const simLog = () => readSimCallLog(stack.simEnv.ALIYUN_SIM_STATE ?? '');
const viewOf = (c: RecordedCall) =>
  c.args.view as { blocks: { block_id?: string }[]; private_metadata: string };

/** The summary reply of the deployment made in beforeAll, as Slack would echo it in a click. */
function summaryCall(): RecordedCall {
  const call = stack.slack.calls.find(
    (c) =>
      c.method === 'chat.postMessage' &&
      c.args.thread_ts === flow.parentTs &&
      JSON.stringify(c.args).includes('Deployment summary'),
  );
  if (!call) throw new Error('no summary in the thread');
  return call;
}

/** A signed click on a button of a message the bot posted, with the blocks Slack echoes back. */
function clickOn(message: RecordedCall, actionId: string, userId = 'U0REQUEST'): string {
  const ts = (message.response as unknown as { ts: string }).ts;
  const buttons = JSON.stringify(message.args.blocks);
  const deploymentId = /"action_id":"redeploy","value":"([^"]+)"/.exec(buttons)?.[1] ?? '';
  return buildBlockActionsBody({
    actionId,
    value: deploymentId,
    userId,
    message: {
      channelId: 'C0DEPLOY',
      ts,
      threadTs: String(message.args.thread_ts),
      text: String(message.args.text),
      blocks: message.args.blocks as unknown[],
    },
  });
}
const clickOnSummary = (actionId: string, userId?: string) =>
  clickOn(summaryCall(), actionId, userId);

describe('the summary buttons, clicked through signed block_actions', () => {
  it('refreshes the status with one describe-service and edits the summary in place', async () => {
    const describesBefore = filterSimCalls(await simLog(), 'eas describe-service').length;
    const ts = (summaryCall().response as unknown as { ts: string }).ts;
    await post(clickOnSummary('refresh_status'));
    const edit = await stack.slack.waitFor(
      (c) => c.method === 'chat.update' && c.args.ts === ts,
      10_000,
    );
    const text = JSON.stringify(edit.args.blocks);
    expect(text).toMatch(/Status at \d\d:\d\d UTC: \*Running\*/);
    expect(text).toContain('Deployment summary');
    expect(text).toContain('refresh_status');
    expect(filterSimCalls(await simLog(), 'eas describe-service').length - describesBefore).toBe(1);
  });

  it('sends the token again to the requester only', async () => {
    const token = await readTokenFromSim(stack.simEnv, 'cn-hangzhou', 'flow_buttons');
    await post(clickOnSummary('resend_token', 'U0STRANGER'));
    const refusal = await stack.slack.waitFor(
      (c) => c.method === 'chat.postEphemeral' && c.args.user === 'U0STRANGER',
      10_000,
    );
    expect(JSON.stringify(refusal.args)).toContain('only <@U0REQUEST>');
    expect(JSON.stringify(refusal.args)).not.toContain(token);
    const before = stack.slack.calls.length;
    await post(clickOnSummary('resend_token'));
    const sent = await stack.slack.waitFor(
      (c) => stack.slack.calls.indexOf(c) >= before && JSON.stringify(c.args).includes(token),
      10_000,
    );
    expect(sent.method === 'chat.postEphemeral' || String(sent.args.channel).startsWith('D')).toBe(
      true,
    );
    expect(sent.args.user ?? 'U0REQUEST').toBe('U0REQUEST');
  });

  it('reopens the modal pre-filled for a redeploy and refuses the old name on its field', async () => {
    await post(clickOnSummary('redeploy'));
    const opened = await stack.slack.waitFor(
      (c) => c.method === 'views.open' && JSON.stringify(c.args.view).includes('Redeploying'),
      10_000,
    );
    const view = viewOf(opened);
    expect(JSON.stringify(view)).toContain(vllmImage('cn-hangzhou'));
    expect(JSON.stringify(view)).not.toContain('"initial_value":"flow_buttons"');
    const values = buildStateValues(
      { service_name: 'flow_buttons', replicas: '1', port: '8000' },
      {
        region: 'cn-hangzhou',
        image: vllmImage('cn-hangzhou'),
        instance_type: 'ecs.gn7i-c16g1.4xlarge',
        network: 'shared',
      },
    );
    const answer = await post(
      // Deploy pressed on the reopened form: its id, current hash and metadata, as Slack sends them.
      buildViewSubmissionBody({
        ...fromStoredView(stack.slack.currentView(answeredViewId(opened))),
        values,
      }),
    );
    expect(JSON.parse(answer.text)).toMatchObject({
      response_action: 'errors',
      errors: {
        service_name:
          'Service name must be a new name (flow_buttons already exists, and a redeploy never replaces it), for example flow_buttons_2.',
      },
    });
  });
});

describe('after a dry run', () => {
  it('offers to deploy the same settings for real, with the same name', async () => {
    const dry = await deployThroughSlack(
      stack,
      { service_name: 'flow_dry_then', dry_run: 'true' },
      {
        region: 'cn-hangzhou',
        image: vllmImage('cn-hangzhou'),
        instance_type: 'ecs.gn7i-c16g1.4xlarge',
      },
    );
    expect(dry.final).toContain('Deploy these settings');
    expect(dry.final).not.toContain('refresh_status');
    const message = stack.slack.calls.find(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.thread_ts === dry.parentTs &&
        JSON.stringify(c.args).includes('Dry run passed'),
    );
    if (!message) throw new Error('no dry-run reply');
    await post(clickOn(message, 'redeploy'));
    const opened = await stack.slack.waitFor(
      (c) =>
        c.method === 'views.open' &&
        JSON.stringify(c.args.view).includes('"initial_value":"flow_dry_then"'),
      10_000,
    );
    expect(viewOf(opened).private_metadata).not.toContain('redeployOf');
    expect(JSON.stringify(opened.args.view)).not.toContain('Redeploying');
  });
});
