import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../demo/local-stack.js';
import { createSlackUser } from '../../demo/slack-user.js';
import { readSimCallLog } from '../../sim/aliyun/call-log.js';
import { buildInstantWorld } from '../../sim/aliyun/demo-world.js';
import { answeredViewId } from '../../sim/slack/answered-view.js';
import { fromStoredView } from '../../sim/slack/payloads.js';
import { REDIS_URL, uniquePrefix } from '../support/redis.js';
import { readTokenFromSim } from '../support/sim-token.js';

const VLLM = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu';
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix: uniquePrefix('e2e'),
    sim: {
      world: buildInstantWorld(),
    },
    env: { EAS_NOTIFY_CHANNEL: 'C0NOTIFY' },
  });
});
afterAll(async () => stack?.stop());

const textOf = (args: Record<string, unknown>) => JSON.stringify(args);

describe('/eas-deploy from slash command to thread summary', () => {
  it('opens the modal, deploys through the simulator and answers in one thread', async () => {
    const person = createSlackUser({ eventsUrl: stack.eventsUrl });
    const ack = await person.command('');
    expect(ack.status).toBe(200);
    const opened = await stack.slack.waitFor((c) => c.method === 'views.open', 30_000);
    expect((opened.args.view as { callback_id: string }).callback_id).toBe('eas_deploy');

    const submitted = await person.submitForm(
      { service_name: 'qwen_demo', replicas: '1', port: '8000' },
      {
        region: 'cn-hangzhou',
        image: VLLM,
        instance_type: 'ecs.gn7i-c16g1.4xlarge',
        network: 'shared',
      },
      // The form the command opened, as Slack sends it back on Deploy (id, current hash).
      fromStoredView(stack.slack.currentView(answeredViewId(opened))),
    );
    expect(submitted.status).toBe(200);
    expect(submitted.text).toBe('');

    const parent = await stack.slack.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'C0DEPLOY' && !c.args.thread_ts,
      30_000,
    );
    expect(textOf(parent.args)).toContain('qwen_demo');
    const parentTs = (parent.response as unknown as { ts: string }).ts;
    const summary = await stack.slack.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.thread_ts === parentTs &&
        textOf(c.args).includes('/api/predict/qwen_demo'),
      30_000,
    );
    expect(textOf(summary.args)).toMatch(/curl/);
    expect(textOf(summary.args)).toContain('8000');

    // The gated order of the spec, each call once, --region on every call.
    const log = await readSimCallLog(stack.simEnv.ALIYUN_SIM_STATE ?? '');
    const ops = log.map((c) => `${c.argv[0]} ${c.argv[1]}`);
    const createAt = ops.indexOf('eas create-service');
    expect(ops.filter((o) => o === 'eas create-service')).toHaveLength(1);
    for (const gate of [
      'eas list-services',
      'aiworkspace list-images',
      'eas describe-machine-spec',
    ]) {
      expect(ops.indexOf(gate)).toBeGreaterThanOrEqual(0);
      expect(ops.indexOf(gate)).toBeLessThan(createAt);
    }
    expect(ops.filter((o) => o === 'eas describe-service')).toHaveLength(1);
    expect(ops.indexOf('eas describe-service-endpoints')).toBeGreaterThan(createAt);
    // The preflight's `plugin list` and `<product> --help` go to no region; every cloud call does.
    for (const call of log.filter((c) => c.argv[0] !== 'plugin' && c.argv[1] !== '--help'))
      expect(call.argv).toContain('--region');

    // The AccessToken reaches the requester privately and never a channel message.
    const token = await readTokenFromSim(stack.simEnv, 'cn-hangzhou', 'qwen_demo');
    expect(token.length).toBeGreaterThan(8);
    await stack.slack.waitFor((c) => textOf(c.args).includes(token), 30_000);
    const publicCalls = stack.slack.calls.filter(
      (c) =>
        ['chat.postMessage', 'chat.update'].includes(c.method) &&
        String(c.args.channel).startsWith('C'),
    );
    for (const call of publicCalls) expect(textOf(call.args)).not.toContain(token);
    const privateCalls = stack.slack.calls.filter((c) => textOf(c.args).includes(token));
    for (const call of privateCalls) {
      expect(
        call.method === 'chat.postEphemeral' || String(call.args.channel).startsWith('D'),
      ).toBe(true);
    }

    // The notify channel hears one line about the result.
    await stack.slack.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'C0NOTIFY',
      30_000,
    );
  });
});
