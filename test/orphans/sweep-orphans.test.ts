import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterSimCalls, readSimCallLog } from '../../sim/aliyun/call-log.js';
import { buildDemoWorld } from '../../sim/aliyun/demo-world.js';
import { findSimExecutable, prepareSimEnv } from '../../sim/aliyun/sim-env.js';
import { type SlackStandIn, startSlackStandIn } from '../../sim/slack/slack-standin.js';
import { createExecaCliRunner } from '../../src/aliyun/cli-runner.js';
import { createLogger } from '../../src/logger.js';
import { MAINTENANCE_QUEUE } from '../../src/orphans/schedule-orphan-sweep.js';
import { createDeploymentRecords } from '../../src/queue/deployment-records.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { createProcessOutbox } from '../../src/report/create-process-outbox.js';
import { type OrphanSweepRuntime, startOrphanSweep } from '../../src/runtime/start-orphan-sweep.js';
import { aSpec } from '../support/deploy-fixtures.js';
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from '../support/redis.js';

const VLLM = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu';
const labels = (requestId: string, owner?: string) => ({
  'eas-deploy.request-id': requestId,
  ...(owner ? { 'eas-deploy.owner': owner } : {}),
  'eas-deploy.channel': 'C0DEPLOY',
  'eas-deploy.expires-at': 'never',
});

/** 105 services of other people in cn-hangzhou (two pages), two of the bot's, one orphan in Shanghai. */
function buildWorld() {
  const world = buildDemoWorld();
  const hz = world.regions?.['cn-hangzhou'];
  const sh = world.regions?.['cn-shanghai'];
  if (!hz || !sh) throw new Error('the demo world lost a region');
  hz.services = [
    ...Array.from({ length: 105 }, (_, i) => ({ name: `other_${i}`, image: VLLM })),
    { name: 'known_llm', image: VLLM, labels: labels('d-known', 'U0OWNER') },
    { name: 'lost_llm', image: VLLM, labels: labels('d-lost', 'U0OWNER') },
  ];
  sh.services = [{ name: 'lost_tts', image: VLLM, labels: labels('d-lost2') }];
  return world;
}

describe('the orphan sweep', () => {
  const prefix = uniquePrefix('orphans');
  const redis = connectRedis();
  const store = createRedisConnection(REDIS_URL, 'worker');
  let dir: string;
  let statePath: string;
  let slack: SlackStandIn;
  let runtime: OrphanSweepRuntime;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orphans-'));
    const simEnv = await prepareSimEnv({ dir, world: buildWorld() });
    statePath = simEnv.ALIYUN_SIM_STATE ?? '';
    slack = await startSlackStandIn();
    await createDeploymentRecords(store, prefix).save({
      deploymentId: 'd-known',
      serviceName: 'known_llm',
      region: 'cn-hangzhou',
      requesterId: 'U0OWNER',
      channelId: 'C0DEPLOY',
      spec: aSpec({ serviceName: 'known_llm' }),
      state: 'deployed',
      submittedAt: Date.now(),
      updatedAt: Date.now(),
    });
    runtime = startOrphanSweep({
      config: { QUEUE_PREFIX: prefix, EAS_ORPHAN_SWEEP_MINUTES: 30, EAS_NOTIFY_CHANNEL: undefined },
      store,
      cli: createExecaCliRunner({
        executable: findSimExecutable(),
        env: { PATH: process.env.PATH ?? '', ...simEnv },
      }),
      outbox: createProcessOutbox({
        config: {
          SLACK_BOT_TOKEN: 'xoxb-test',
          SLACK_API_URL: slack.apiUrl,
          QUEUE_PREFIX: prefix,
          SLACK_APP_TOKEN: undefined,
          SLACK_SIGNING_SECRET: 'unused',
        },
        redis: store,
        retryConfig: { retries: 0 },
      }),
      logger: createLogger({ level: 'silent' }),
      regions: ['cn-hangzhou', 'cn-shanghai'],
    });
  });

  afterAll(async () => {
    await runtime.close();
    await slack.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
    store.disconnect();
    await rm(dir, { recursive: true, force: true });
  });

  it('tells the owner of a labelled service with no record, and the label channel when there is no owner', async () => {
    const result = await runtime.sweep();
    expect(result.orphans.map((o) => o.serviceName).sort()).toEqual(['lost_llm', 'lost_tts']);
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage');
    // The owner is told in a direct message (conversations.open gives the DM channel).
    expect(posts.map((c) => c.args.channel).sort()).toEqual(['C0DEPLOY', 'D0OWNER']);
    const toOwner = String(posts.find((c) => c.args.channel === 'D0OWNER')?.args.text);
    expect(toOwner).toContain('`lost_llm` in cn-hangzhou');
    expect(toOwner).toContain('d-lost');
    expect(toOwner).toContain('no record of it');
  });

  it('lists each region page by page and never asks about a single service', async () => {
    const log = await readSimCallLog(statePath);
    const lists = filterSimCalls(log, 'eas list-services');
    const pages = lists.map(
      (c) =>
        `${c.argv[c.argv.indexOf('--region') + 1]} ${c.argv[c.argv.indexOf('--page-number') + 1]}`,
    );
    expect(pages).toEqual(['cn-hangzhou 1', 'cn-hangzhou 2', 'cn-shanghai 1']);
    expect(log.filter((c) => c.argv[1] !== 'list-services')).toEqual([]);
  });

  it('does not tell anyone twice about the same service', async () => {
    const before = slack.calls.length;
    const again = await runtime.sweep();
    expect(again.orphans).toHaveLength(2);
    expect(again.reported).toBe(0);
    expect(slack.calls.length).toBe(before);
  });

  it('runs from a BullMQ job scheduler on the clock, one for the whole install', async () => {
    const queue = new Queue(MAINTENANCE_QUEUE, { connection: redis, prefix });
    const schedulers = await queue.getJobSchedulers();
    await queue.close();
    expect(schedulers.map((s) => [s.key, s.pattern])).toEqual([['orphan-sweep', '*/30 * * * *']]);
  });
});
