import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../demo/local-stack.js';
import { createSlackUser } from '../../demo/slack-user.js';
import { readSimCallLog } from '../../sim/aliyun/call-log.js';
import { buildInstantWorld } from '../../sim/aliyun/demo-world.js';
import { createLogger } from '../../src/logger.js';
import { connectRedis, REDIS_URL, uniquePrefix } from '../support/redis.js';

const VLLM = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu';
const prefix = uniquePrefix('obs');
const lines: string[] = [];
const memory = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
const redis = connectRedis();
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix,
    sim: {
      world: buildInstantWorld(),
    },
    logger: createLogger({ level: 'info', destination: memory }),
  });
});
afterAll(async () => {
  await stack?.stop();
  redis.disconnect();
});

const baseUrl = () => stack.eventsUrl.replace('/slack/events', '');

describe('operating the bot: health, metrics and one deployment id everywhere', () => {
  it('counts a finished deployment on /metrics and ties the thread, logs, audit and CLI together by one id', async () => {
    expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200);
    const person = createSlackUser({ eventsUrl: stack.eventsUrl });
    await person.submitForm(
      { service_name: 'obs_demo' },
      {
        region: 'cn-hangzhou',
        image: VLLM,
        instance_type: 'ecs.gn7i-c16g1.4xlarge',
        network: 'shared',
      },
      'V0OBS0001',
    );
    const summary = await stack.slack.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        typeof c.args.thread_ts === 'string' &&
        JSON.stringify(c.args).includes('/api/predict/obs_demo'),
      30_000,
    );
    const parent = stack.slack.calls.filter(
      (c) => c.method === 'chat.update' && c.args.ts === summary.args.thread_ts,
    );
    const deploymentId =
      /deployment (d-[a-z0-9]+)/.exec(JSON.stringify(parent.at(-1)?.args))?.[1] ?? '';
    expect(deploymentId).toMatch(/^d-/);

    await stack.slack.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel?.toString().startsWith('D') === true,
      5_000,
    );
    // The job counts itself once its thread, token and notify line are out: wait for that.
    const readMetrics = async () => (await fetch(`${baseUrl()}/metrics`)).text();
    await expect.poll(readMetrics).toMatch(/eas_deploy_deployments_total\{result="deployed"\} 1/);
    const metrics = await readMetrics();
    expect(metrics).toMatch(
      /eas_deploy_step_duration_seconds_count\{step="create",status="passed"\} 1/,
    );
    expect(metrics).toContain('eas_deploy_queue_depth');
    expect(metrics).toContain('eas_deploy_queue_wait_seconds_count 1');

    const calls = await readSimCallLog(stack.simEnv.ALIYUN_SIM_STATE ?? '');
    const agents = calls
      .filter((c) => c.argv.includes('--user-agent'))
      .map((c) => c.argv[c.argv.indexOf('--user-agent') + 1]);
    expect(agents.length).toBeGreaterThan(4);
    // The catalog's reads and the lifecycle's (the expiry schedules' rebuild) are no deployment's.
    expect(agents.filter((a) => a?.includes(deploymentId))).toHaveLength(
      agents.filter((a) => !a?.includes('catalog') && !a?.includes('(lifecycle ')).length,
    );

    const logged = lines.map((l) => JSON.parse(l) as { deploymentId?: string; msg?: string });
    expect(
      logged.some((l) => l.deploymentId === deploymentId && l.msg === 'deployment finished'),
    ).toBe(true);

    const audit = await redis.xrange(`${prefix}:audit`, '-', '+');
    expect(JSON.stringify(audit)).toContain(deploymentId);
  });
});
