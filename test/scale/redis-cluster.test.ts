import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysUnderPrefix } from '../../src/queue/keys-under-prefix.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { waitForResults } from './support/count-outcomes.js';
import { explainProblems } from './support/describe-jobs.js';
import { driveDeployments } from './support/drive-deployments.js';
import { type RedisClusterProcesses, startRedisCluster } from './support/redis-cluster.js';
import { type ScaleStack, startScaleStack } from './support/scale-stack.js';
import { summarizeRun } from './support/summarize-run.js';

const PREFIX = '{eas-scale}';

/** Issue 23: the same thirty deployments on a three-node Redis Cluster with a braced prefix. */
describe('thirty deployments through two bots and two workers on a three-node Redis Cluster', () => {
  let dir: string;
  let cluster: RedisClusterProcesses;
  let stack: ScaleStack;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eas-scale-cluster-'));
    cluster = await startRedisCluster(join(dir, 'redis'));
    stack = await startScaleStack({ redisUrl: cluster.url, prefix: PREFIX, dir });
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('deploys all of them once, every key in one slot, and no command fails with CROSSSLOT', async () => {
    const startedAt = Date.now();
    const submissions = await driveDeployments({
      botUrls: stack.botUrls,
      tag: 'clu',
      count: 30,
      paceMs: 300,
    });
    const wanted = submissions;
    const outcomes = await waitForResults(stack.slack, stack.statePath, wanted, 240_000);
    const figures = summarizeRun(submissions, outcomes, startedAt);
    const problemNames = figures.problems.map((p) => p.split(':')[0] ?? '');
    for (const line of await explainProblems(stack, cluster.url, PREFIX, submissions, problemNames))
      console.log(`SCALE-PROBLEM ${line}`);
    // The product's own cluster connection and key walk (SCAN on every primary), as scan-secrets uses it.
    const client = createRedisConnection(cluster.url, 'worker');
    const slots = new Set<number>();
    let keys = 0;
    for await (const batch of keysUnderPrefix(client, PREFIX)) {
      keys += batch.length;
      for (const key of batch) slots.add(Number(await client.call('CLUSTER', 'KEYSLOT', key)));
    }
    client.disconnect();
    const crossSlot = (stack.output().match(/CROSSSLOT/g) ?? []).length;
    console.log(
      `SCALE-FIGURES cluster ${JSON.stringify({ ...figures, keys, slots: [...slots], crossSlot })}`,
    );

    expect(stack.crashed()).toEqual([]);
    expect(crossSlot).toBe(0);
    expect(keys).toBeGreaterThan(0);
    expect(slots.size).toBe(1);
    expect(figures.problems).toEqual([]);
    expect(figures.deployedOnce).toBe(30);
    expect(figures.duplicateCreates).toBe(0);
  }, 900_000);
});
