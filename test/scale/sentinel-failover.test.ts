import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForResults } from './support/count-outcomes.js';
import { explainProblems } from './support/describe-jobs.js';
import { driveDeployments } from './support/drive-deployments.js';
import { type ScaleStack, startScaleStack } from './support/scale-stack.js';
import {
  type FailoverFigures,
  type SentinelTopology,
  startSentinelTopology,
} from './support/sentinel-topology.js';
import { summarizeRun } from './support/summarize-run.js';

/**
 * Issue 23: a primary, a replica and three Sentinels (redis-server --sentinel) on loopback; two bot
 * processes and two worker processes of the product; thirty deployments, one a second, with a
 * planned SENTINEL FAILOVER after the tenth and a kill -9 of the (new) primary after the twentieth.
 */
describe('thirty deployments through two bots and two workers while Sentinel fails the primary over twice', () => {
  let dir: string;
  let topology: SentinelTopology;
  let stack: ScaleStack;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eas-scale-sentinel-'));
    topology = await startSentinelTopology(join(dir, 'redis'));
    stack = await startScaleStack({ redisUrl: topology.url, prefix: 'eas-scale', dir });
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await topology?.stop();
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('deploys every acknowledged one exactly once and tells the others to submit again', async () => {
    const failovers: Array<FailoverFigures & { kind: string }> = [];
    const startedAt = Date.now();
    const submissions = await driveDeployments({
      botUrls: stack.botUrls,
      tag: 'sen',
      count: 30,
      paceMs: 1_000,
      events: [
        {
          at: 9,
          run: async () => failovers.push({ kind: 'planned', ...(await topology.failover()) }),
        },
        {
          at: 19,
          run: async () => {
            // A kill with no replica in sync would leave nothing to promote: wait for the last failover to settle.
            await topology.waitForReplica(90_000);
            failovers.push({ kind: 'kill -9', ...(await topology.killPrimary()) });
          },
        },
      ],
    });
    const wanted = submissions.filter((s) => s.acknowledged);
    const outcomes = await waitForResults(stack.slack, stack.statePath, wanted, 240_000);
    const figures = summarizeRun(submissions, outcomes, startedAt);
    const problemNames = figures.problems.map((p) => p.split(':')[0] ?? '');
    for (const line of await explainProblems(
      stack,
      topology.url,
      'eas-scale',
      submissions,
      problemNames,
    ))
      console.log(`SCALE-PROBLEM ${line}`);
    console.log(`SCALE-FIGURES sentinel ${JSON.stringify({ ...figures, failovers })}`);

    expect(stack.crashed()).toEqual([]);
    expect(failovers.map((f) => f.kind)).toEqual(['planned', 'kill -9']);
    expect(figures.problems).toEqual([]);
    expect(figures.deployedOnce).toBe(30);
    expect(figures.duplicateCreates).toBe(0);
    expect(figures.silent).toBe(0);
  }, 900_000);
});
