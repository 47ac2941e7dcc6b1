import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../demo/local-stack.js';
import { DEPLOY_QUEUE } from '../../../src/queue/deploy-queue.js';
import { keysUnderPrefix } from '../../../src/queue/keys-under-prefix.js';
import { readWatchSchedule } from '../../../src/runtime/start-watch.js';
import { countAllowedChecks } from '../../../src/serving/watch-schedule.js';
import { connectRedis } from '../../support/redis.js';
import { deployThroughSlack } from '../flows/deploy-through-slack.js';
import { vllmImage } from '../flows/flow-world.js';
import { countDescribes, deployAndWatch, GPU, startServingStack } from './serving-stack.js';

let watching: LocalStack;
let off: LocalStack;
let redis: Redis;
beforeAll(async () => {
  redis = connectRedis();
  [watching, off] = await Promise.all([
    startServingStack({
      label: 'watch-budget',
      failures: [{ service: 'budget_port', reason: 'wrong-port' }],
    }),
    startServingStack({ label: 'probe-off', env: { EAS_PROBE: 'off' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([watching?.stop(), off?.stop()]);
  redis.disconnect();
});

describe('how often the watch asks the cloud', () => {
  it('makes no more describe calls than its back-off allows, then explains', async () => {
    const { watch } = await deployAndWatch(watching, 'budget_port');
    // The time is the one really waited: at least EAS_WATCH_MAX (4s), more on a busy machine.
    expect(String(watch.args.text)).toMatch(/^Not serving — still Waiting after \d+s/);
    const allowed = countAllowedChecks(readWatchSchedule(watching.config));
    const describes = await countDescribes(watching, 'budget_port');
    // The deployment's own describe, then the watch's: never more than the back-off allows.
    expect(describes - 1).toBeGreaterThanOrEqual(1);
    expect(describes - 1).toBeLessThanOrEqual(allowed);
  });

  it('makes no describe call after the summary when EAS_PROBE is off', async () => {
    const flow = await deployThroughSlack(
      off,
      { service_name: 'off_vllm' },
      { region: 'cn-hangzhou', image: vllmImage('cn-hangzhou'), instance_type: GPU },
    );
    expect(flow.final).toContain('Deployment summary');
    // The deployment job completes only after it would have queued a watch.
    const prefix = off.config.QUEUE_PREFIX;
    const deployments = new Queue(DEPLOY_QUEUE, { connection: redis, prefix });
    await expect
      .poll(() => deployments.getJobCounts('completed'), { timeout: 30_000 })
      .toEqual({
        completed: 1,
      });
    await deployments.close();
    const keys: string[] = [];
    for await (const batch of keysUnderPrefix(redis, prefix)) keys.push(...batch);
    expect(keys.filter((k) => k.includes(':serving-watch:'))).toEqual([]);
    expect(await countDescribes(off, 'off_vllm')).toBe(1);
  });
});
