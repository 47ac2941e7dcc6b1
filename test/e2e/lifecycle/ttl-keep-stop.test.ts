import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../demo/local-stack.js';
import { readMessageText } from '../../../sim/slack/render-conversation.js';
import { LIFECYCLE_QUEUE } from '../../../src/queue/lifecycle-queue.js';
import { connectRedis, REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { deployThroughSlack } from '../flows/deploy-through-slack.js';
import { buildFlowWorld, vllmImage } from '../flows/flow-world.js';
import { callsOf, clickButton, posted } from './lifecycle-stack.js';

/**
 * Issue 21's lifetime, end to end against real Redis, the Slack stand-in and bin/aliyun-sim: a
 * service deployed with ttl=20s and EAS_REMIND_BEFORE=10s is reminded, kept once by Keep, reminded
 * again before its new expiry and stopped exactly once there (EAS_TTL_ACTION=stop).
 */
let stack: LocalStack;

/** The `--labels k=v,k=v` of a call, as a map. */
const readLabels = (text = ''): Record<string, string> =>
  Object.fromEntries(
    text
      .split(',')
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
beforeAll(async () => {
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix: uniquePrefix('ttl'),
    sim: {
      world: { ...buildFlowWorld(), lifecycle: { creatingMs: 0, waitingMs: 0, transitionMs: 0 } },
    },
    env: { EAS_REMIND_BEFORE: '10s', EAS_TTL_ACTION: 'stop', EAS_DEFAULT_TTL: '1d' },
  });
});
afterAll(async () => stack?.stop());

describe('a service deployed with ttl=20s', () => {
  it('is reminded, kept once by Keep, and stopped exactly once at its new expiry', async () => {
    const submittedAt = Date.now();
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'ttl_keep_demo' },
      {
        region: 'cn-hangzhou',
        image: vllmImage('cn-hangzhou'),
        instance_type: 'ecs.gn7i-c16g1.4xlarge',
        ttl: '20s',
      },
    );
    expect(flow.final).toContain('svc_stop');
    const create = flow.calls.find((c) => c.argv[1] === 'create-service');
    const labels = readLabels(create?.argv[create.argv.indexOf('--labels') + 1]);
    expect(labels).toMatchObject({
      'eas-deploy.owner': 'U0REQUEST',
      'eas-deploy.channel': 'C0DEPLOY',
      'eas-deploy.request-id': expect.stringMatching(/^d-/),
    });
    const expiresAt = Date.parse(labels['eas-deploy.expires-at'] ?? '');
    expect(expiresAt - submittedAt).toBeGreaterThan(18_000);
    expect(expiresAt - submittedAt).toBeLessThan(22_000);

    const inThread = { channel: 'C0DEPLOY', threadTs: flow.parentTs };
    const reminder = await stack.slack.waitFor(posted(/⏰.*ttl_keep_demo/s, inThread), 30_000);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 10_000 - 1_000);
    // …and privately: the stand-in's DM with U0REQUEST is D0REQUEST (conversations.open).
    await stack.slack.waitFor(posted(/⏰.*ttl_keep_demo/s, { channel: 'D0REQUEST' }), 10_000);
    const clicked = await clickButton(stack, reminder, 'ttl_keep');
    expect(clicked.status).toBe(200);
    await stack.slack.waitFor(
      posted(/✓ `ttl_keep_demo` in cn-hangzhou extended/, inThread),
      20_000,
    );
    const relabels = await callsOf(stack, 'eas update-service-label', 'ttl_keep_demo');
    expect(relabels).toHaveLength(1);
    const kept = readLabels(relabels[0]?.argv[relabels[0].argv.indexOf('--labels') + 1]);
    expect(Date.parse(kept['eas-deploy.expires-at'] ?? '') - expiresAt).toBe(20_000);
    expect(kept).toMatchObject({
      'eas-deploy.owner': 'U0REQUEST',
      'eas-deploy.channel': 'C0DEPLOY',
    });

    const stopped = await stack.slack.waitFor(
      posted(/✓ `ttl_keep_demo` in cn-hangzhou stopped/, inThread),
      45_000,
    );
    expect(readMessageText(stopped.args)).toContain('It reached its expiry');
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt + 20_000 - 1_000);
    // Counted once the lifecycle queue holds nothing more that could act: a stray second stop
    // (a Keep that left the first schedule behind) would have run by then.
    const redis = connectRedis();
    const lifecycle = new Queue(LIFECYCLE_QUEUE, {
      connection: redis,
      prefix: stack.config.QUEUE_PREFIX,
    });
    await expect
      .poll(() => lifecycle.getJobCounts('active', 'waiting', 'delayed', 'prioritized'))
      .toEqual({ active: 0, waiting: 0, delayed: 0, prioritized: 0 });
    await lifecycle.close();
    redis.disconnect();
    expect(await callsOf(stack, 'eas stop-service', 'ttl_keep_demo')).toHaveLength(1);
    expect(await callsOf(stack, 'eas delete-service', 'ttl_keep_demo')).toHaveLength(0);
    const reminders = stack.slack.calls.filter(posted(/⏰.*ttl_keep_demo/s, inThread));
    expect(reminders).toHaveLength(2);
    console.log(`--- the reminder as the owner reads it ---\n${readMessageText(reminder.args)}`);
  }, 120_000);
});
