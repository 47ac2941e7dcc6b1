import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCAL_SIGNING_SECRET,
  type LocalStack,
  startLocalStack,
} from '../../../demo/local-stack.js';
import { buildBlockActionsBody, FORM_CONTENT_TYPE } from '../../../sim/slack/payloads.js';
import { readMessageText } from '../../../sim/slack/render-conversation.js';
import { postSigned } from '../../../sim/slack/sign-request.js';
import type { RecordedCall } from '../../../sim/slack/slack-standin.js';
import { connectRedis, REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { deployThroughSlack, type FlowResult } from '../flows/deploy-through-slack.js';
import { buildFlowWorld, vllmImage } from '../flows/flow-world.js';
import { callsOf, clickButton, posted, readAnswer, typeCommand } from './lifecycle-stack.js';

/**
 * The lifecycle commands as people use them, against real Redis, the Slack stand-in and
 * bin/aliyun-sim: list from the cloud with cost, a stranger's delete refused and audited, a
 * service without the bot's labels refused, the owner's changes answered in the thread, and a
 * delete that waits for an approver's click bound to that service.
 */
const prefix = uniquePrefix('life');
const redis = connectRedis();
let stack: LocalStack;
let flow: FlowResult;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prices-'));
  const prices = join(dir, 'prices.json');
  await writeFile(
    prices,
    JSON.stringify({ currency: 'USD', hourly: { 'ecs.gn7i-c16g1.4xlarge': 1.2 } }),
  );
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix,
    sim: {
      world: { ...buildFlowWorld(), lifecycle: { creatingMs: 0, waitingMs: 0, transitionMs: 0 } },
    },
    env: { EAS_PRICE_TABLE: prices, EAS_APPROVERS: 'U0BOSS', EAS_APPROVAL_GPU_THRESHOLD: '2' },
  });
  flow = await deployThroughSlack(
    stack,
    { service_name: 'life_cmds' },
    {
      region: 'cn-hangzhou',
      image: vllmImage('cn-hangzhou'),
      instance_type: 'ecs.gn7i-c16g1.4xlarge',
    },
  );
}, 60_000);
afterAll(async () => {
  await stack?.stop();
  redis.disconnect();
  await rm(dir, { recursive: true, force: true });
});

const inThread = () => ({ channel: 'C0DEPLOY', threadTs: flow.parentTs });
const summary = (): RecordedCall => {
  const found = stack.slack.calls.find(posted(/Deployment summary/, inThread()));
  if (!found) throw new Error('no summary');
  return found;
};

/** A click on a button of an ephemeral answer (Slack echoes the message's blocks). */
function clickAnswer(answer: string, actionId: string, userId: string) {
  const message = JSON.parse(answer) as {
    blocks: { elements?: { action_id?: string; value?: string }[] }[];
  };
  const value = message.blocks
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === actionId)?.value;
  const body = buildBlockActionsBody({
    actionId,
    value: value ?? '',
    userId,
    message: { channelId: 'C0DEPLOY', ts: '1700000000.000001', blocks: message.blocks },
  });
  return postSigned(stack.eventsUrl, body, FORM_CONTENT_TYPE, LOCAL_SIGNING_SECRET);
}

describe('lifecycle commands', () => {
  it('shows the expiry, the cost and the four service buttons on the summary', () => {
    const text = readMessageText(summary().args);
    expect(text).toMatch(/It expires .* \(in 1d\)/);
    expect(text).toContain('Cost: about USD 1.20/h, USD 28.80 until expiry');
    expect(JSON.stringify(summary().args.blocks)).toContain(
      '"action_id":"svc_delete","value":"{\\"region\\":\\"cn-hangzhou\\",\\"service\\":\\"life_cmds\\"}"',
    );
  });

  it("lists the bot's services from the cloud: owner, expiry and cost, not the others", async () => {
    const answer = readAnswer(await typeCommand(stack, 'list'));
    console.log(`--- /eas-deploy list, as the person reads it ---\n${answer}`);
    expect(answer).toMatch(
      /`life_cmds` · cn-hangzhou · \*Running\* · owner <@U0REQUEST> · expires .*\(in 1d\)/,
    );
    expect(answer).toContain('about USD 1.20/h');
    expect(answer).toContain('Running now: USD 1.20 per hour in all.');
    expect(answer).not.toContain('qwen_chat_prod');
  });

  it("refuses a stranger's delete privately, with the reason, and audits it", async () => {
    const asked = await typeCommand(stack, 'delete life_cmds cn-hangzhou', 'U0STRANGER');
    expect(readAnswer(asked)).toContain('Delete `life_cmds` in cn-hangzhou?');
    expect((await clickAnswer(asked, 'svc_delete_confirm', 'U0STRANGER')).status).toBe(200);
    const refusal = await stack.slack.waitFor(
      (c) =>
        c.method === 'chat.postEphemeral' &&
        c.args.user === 'U0STRANGER' &&
        /Not allowed to delete/.test(readMessageText(c.args)),
      20_000,
    );
    expect(readMessageText(refusal.args)).toContain(
      "Only `life_cmds`'s owner <@U0REQUEST> or an eas-deploy admin",
    );
    expect(await callsOf(stack, 'eas delete-service', 'life_cmds')).toHaveLength(0);
    // The denial is recorded right after the person is told: wait for it.
    const denials = async () =>
      (await redis.xrevrange(`${prefix}:audit`, '+', '-', 'COUNT', 200))
        .map(([, f]) => f[1] ?? '')
        .filter(
          (e) => /"kind":"denial"/.test(e) && /U0STRANGER/.test(e) && /delete life_cmds/.test(e),
        );
    await expect.poll(async () => (await denials()).length, { timeout: 30_000 }).toBe(1);
  });

  it("refuses a service without the bot's labels", async () => {
    const asked = readAnswer(await typeCommand(stack, 'stop qwen_chat_prod cn-hangzhou'));
    expect(asked).toContain('Queued: stop `qwen_chat_prod`');
    const refusal = await stack.slack.waitFor(
      (c) =>
        c.method === 'chat.postEphemeral' &&
        /qwen_chat_prod/.test(readMessageText(c.args)) &&
        /Not allowed/.test(readMessageText(c.args)),
      20_000,
    );
    expect(readMessageText(refusal.args)).toContain(
      'was not made by eas-deploy (it has no eas-deploy labels)',
    );
    expect(await callsOf(stack, 'eas stop-service', 'qwen_chat_prod')).toHaveLength(0);
  });

  it('scales, restarts from the summary button, and says why a rollback cannot be done', async () => {
    await typeCommand(stack, 'scale life_cmds 2');
    await stack.slack.waitFor(posted(/✓ `life_cmds` in cn-hangzhou scaled/, inThread()), 20_000);
    expect((await clickButton(stack, summary(), 'svc_restart')).status).toBe(200);
    await stack.slack.waitFor(posted(/✓ `life_cmds` in cn-hangzhou restarted/, inThread()), 20_000);
    await typeCommand(stack, 'rollback life_cmds');
    const no = await stack.slack.waitFor(posted(/Did not roll back/, inThread()), 20_000);
    expect(readMessageText(no.args)).toContain('has only version 1');
  });

  it('asks an approver before a scale to more GPUs than the rules allow, and changes nothing on a reject', async () => {
    await typeCommand(stack, 'scale life_cmds 3');
    const request = await stack.slack.waitFor(
      posted(/Approval needed.*scale to/s, inThread()),
      20_000,
    );
    expect(readMessageText(request.args)).toContain(
      '3 GPUs in total (1 × 3 replicas) is above the limit of 2',
    );
    await clickButton(stack, request, 'eas_approval_reject', 'U0BOSS');
    const no = await stack.slack.waitFor(posted(/Did not scale/, inThread()), 20_000);
    expect(readMessageText(no.args)).toContain(
      'rejected this scale of `life_cmds`, so nothing was changed',
    );
    expect(await callsOf(stack, 'eas scale-service', 'life_cmds')).toHaveLength(1);
  });

  it('extends by the default lifetime from the summary button, moving the label', async () => {
    expect((await clickButton(stack, summary(), 'svc_extend')).status).toBe(200);
    const extended = await stack.slack.waitFor(
      posted(/✓ `life_cmds` in cn-hangzhou extended/, inThread()),
      20_000,
    );
    expect(readMessageText(extended.args)).toMatch(/It now expires .* \(in 2d\)\./);
    expect(await callsOf(stack, 'eas update-service-label', 'life_cmds')).toHaveLength(1);
  });

  it('shows the owner’s services on App Home with expiry, total per hour and the same buttons', async () => {
    const event = JSON.stringify({
      token: 'x',
      team_id: 'T0001',
      api_app_id: 'A0EASDEPLOY',
      type: 'event_callback',
      event_id: 'EvHOME1',
      event_time: 1_700_000_000,
      event: {
        type: 'app_home_opened',
        user: 'U0REQUEST',
        channel: 'D0REQUEST',
        tab: 'home',
        event_ts: '1.1',
      },
    });
    await postSigned(stack.eventsUrl, event, 'application/json', LOCAL_SIGNING_SECRET);
    const home = await stack.slack.waitFor(
      (c) => c.method === 'views.publish' && c.args.user_id === 'U0REQUEST',
      20_000,
    );
    const view = home.args.view as { blocks: unknown[] };
    const text = readMessageText({ blocks: view.blocks });
    expect(text).toMatch(
      /`life_cmds` · cn-hangzhou · \*Running\* · owner <@U0REQUEST> · expires .*about USD 2.40\/h/,
    );
    expect(text).toContain('Running now: USD 2.40 per hour in all.');
    expect(JSON.stringify(view.blocks)).toContain('"action_id":"svc_stop"');
    expect(text).toContain('[Extend by 1d]');
  });

  it("deletes only after the confirmation and an approver's click bound to that service", async () => {
    const asked = await typeCommand(stack, 'delete life_cmds');
    await clickAnswer(asked, 'svc_delete_confirm', 'U0REQUEST');
    const request = await stack.slack.waitFor(
      posted(/Approval needed.*: delete/s, inThread()),
      20_000,
    );
    expect(readMessageText(request.args)).toContain('`life_cmds` in cn-hangzhou: delete');
    expect(JSON.stringify(request.args.blocks)).toMatch(/\\"deploymentId\\":\\"l-[a-z0-9]+\\"/);
    expect(await callsOf(stack, 'eas delete-service', 'life_cmds')).toHaveLength(0);
    await clickButton(stack, request, 'eas_approval_approve', 'U0BOSS');
    await stack.slack.waitFor(posted(/✓ `life_cmds` in cn-hangzhou deleted/, inThread()), 30_000);
    expect(await callsOf(stack, 'eas delete-service', 'life_cmds')).toHaveLength(1);
  });
});
