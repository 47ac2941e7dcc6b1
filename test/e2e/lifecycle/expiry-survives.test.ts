import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../demo/local-stack.js';
import { createLogger } from '../../../src/logger.js';
import { createMetrics } from '../../../src/observability/metrics.js';
import { readCliEnvironment } from '../../../src/process-env.js';
import { startWorkerRuntime, type WorkerRuntime } from '../../../src/runtime/start-worker.js';
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { deployThroughSlack } from '../flows/deploy-through-slack.js';
import { buildFlowWorld, vllmImage } from '../flows/flow-world.js';
import { callsOf, posted } from './lifecycle-stack.js';

/**
 * The expiry lives in the service's label, not in Redis: it survives a worker restart (the
 * delayed job waits in Redis) and a Redis that lost this install's keys (the running worker
 * notices the missing marker and rebuilds every schedule from ListServices' labels).
 */
const prefix = uniquePrefix('ttl-survive');
const redis = connectRedis();
let stack: LocalStack;
let worker: WorkerRuntime | undefined;

const startWorker = () =>
  startWorkerRuntime({
    config: stack.config,
    logger: createLogger({ level: 'silent' }),
    metrics: createMetrics(),
    cliEnv: { ...readCliEnvironment(), ...stack.simEnv },
    slackRetryConfig: { retries: 2, minTimeout: 50, maxTimeout: 200 },
  });

beforeAll(async () => {
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix,
    withWorker: false,
    sim: {
      world: { ...buildFlowWorld(), lifecycle: { creatingMs: 0, waitingMs: 0, transitionMs: 0 } },
    },
    env: { EAS_REMIND_BEFORE: '10s', EAS_TTL_ACTION: 'stop', EAS_SCHEDULE_CHECK_MS: '300' },
  });
  worker = startWorker();
  await worker.schedulesReady;
});
afterAll(async () => {
  await worker?.stop();
  await stack?.stop();
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

describe('the expiry of a ttl=20s service', () => {
  it('survives a worker restart and a Redis that lost every key of the install', async () => {
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'ttl_survivor' },
      {
        region: 'cn-hangzhou',
        image: vllmImage('cn-hangzhou'),
        instance_type: 'ecs.gn7i-c16g1.4xlarge',
        ttl: '20s',
      },
    );
    expect(flow.final).toContain('Deployment summary');
    await worker?.stop();
    worker = startWorker();
    await worker.schedulesReady;
    const inThread = { channel: 'C0DEPLOY', threadTs: flow.parentTs };
    await stack.slack.waitFor(posted(/⏰.*ttl_survivor/s, inThread), 30_000);

    const labelFilter = 'eas-deploy.managed-by=eas-deploy';
    const listingsBefore = (await callsOf(stack, 'eas list-services', labelFilter)).length;
    // Redis forgets this install (only its own prefix: the server is shared).
    await deleteKeys(redis, prefix);
    expect(await redis.exists(`${prefix}:lifecycle:schedules-rebuilt`)).toBe(0);
    await expect
      .poll(() => redis.exists(`${prefix}:lifecycle:schedules-rebuilt`), { timeout: 30_000 })
      .toBe(1);

    // The deployment record went with Redis, so the answer goes to the channel of the label.
    await stack.slack.waitFor(
      posted(/✓ `ttl_survivor` in cn-hangzhou stopped/, { channel: 'C0DEPLOY' }),
      40_000,
    );
    expect(await callsOf(stack, 'eas stop-service', 'ttl_survivor')).toHaveLength(1);
    // Rebuilt from the cloud: ListServices with the bot's label filter ran again after the loss.
    const listingsAfter = (await callsOf(stack, 'eas list-services', labelFilter)).length;
    expect(listingsAfter).toBeGreaterThan(listingsBefore);
  }, 120_000);
});
