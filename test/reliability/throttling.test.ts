import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { SimCall } from '../../sim/aliyun/call-log.js';
import { createRegionSlots } from '../../src/queue/region-slots.js';
import { type ReliabilityStack, startReliabilityStack, tsOf } from './support/reliability-stack.js';
import { waitUntil } from './support/wait-until.js';
import { spawnWorker, type WorkerProcess } from './support/worker-process.js';

const stacks: ReliabilityStack[] = [];
const workers: WorkerProcess[] = [];

afterAll(async () => {
  for (const w of workers) w.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
  await Promise.all(stacks.map((s) => s.stop()));
}, 30_000);

async function start(options: Parameters<typeof startReliabilityStack>[0]) {
  const s = await startReliabilityStack(options);
  stacks.push(s);
  workers.push(spawnWorker(s.workerEnv));
  return s;
}

const summaryOf = (s: ReliabilityStack) => {
  const parent = s.parents()[0];
  return parent ? s.threadReplies(tsOf(parent)).map((r) => JSON.stringify(r.args)) : [];
};

/** The most deployments whose calls overlapped in time (each from its first call to its last one's end). */
function maxOverlap(calls: readonly SimCall[], latencyMs: number): number {
  const spans = new Map<string, { from: number; to: number }>();
  for (const call of calls) {
    const agent = call.argv[call.argv.indexOf('--user-agent') + 1] ?? '';
    const at = Date.parse(call.at);
    const span = spans.get(agent) ?? { from: at, to: at + latencyMs };
    spans.set(agent, { from: Math.min(span.from, at), to: Math.max(span.to, at + latencyMs) });
  }
  const list = [...spans.values()];
  return Math.max(...list.map((a) => list.filter((b) => b.from <= a.from && a.from < b.to).length));
}

describe.concurrent('throttling', () => {
  it('backs off when create-service is throttled and succeeds once it clears', async () => {
    const s = await start({
      faults: [{ op: 'eas create-service', mode: 'throttle', times: 2 }],
    });
    await s.submit('V0THROT01', 'throttled_once');
    await waitUntil(
      async () => (await s.record('throttled_once'))?.state === 'deployed',
      30_000,
      'deployed',
    );
    const creates = await s.creates();
    expect(creates.map((c) => c.exitCode)).toEqual([1, 1, 0]);
    // Exponential backoff between the tries (500 ms, then 1000 ms).
    const at = creates.map((c) => Date.parse(c.at));
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(450);
    expect((at[2] ?? 0) - (at[1] ?? 0)).toBeGreaterThanOrEqual(950);
    expect(summaryOf(s)).toHaveLength(1);
    expect(summaryOf(s)[0]).toContain('/api/predict/throttled_once');
  }, 180_000);

  it('says plainly that the account is throttled when it never clears', async () => {
    const s = await start({
      faults: [{ op: 'eas create-service', mode: 'throttle', times: 100 }],
    });
    await s.submit('V0THROT02', 'throttled_always');
    await waitUntil(
      async () => (await s.record('throttled_always'))?.state === 'failed',
      30_000,
      'failed',
    );
    expect((await s.creates()).length).toBeGreaterThan(1);
    const [summary] = summaryOf(s);
    expect(summary).toMatch(/Throttling|flow control/);
    expect(summaryOf(s)).toHaveLength(1);
  }, 180_000);

  it('runs no more than EAS_REGION_CONCURRENCY deployments at once in a region during a burst', async () => {
    const latencyMs = 300;
    const s = await start({ latencyMs, env: { EAS_REGION_CONCURRENCY: '2' } });
    const redis = new Redis(s.stack.config.REDIS_URL, { maxRetriesPerRequest: null });
    const slots = createRegionSlots(redis, s.prefix, 2);
    const names = Array.from({ length: 6 }, (_, i) => `burst_${i}`);
    let most = 0;
    let watching = true;
    const watch = (async () => {
      while (watching) {
        most = Math.max(most, (await slots.holders('cn-hangzhou')).length);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await Promise.all(names.map((name, i) => s.submit(`V0BURST0${i}`, name)));
    for (const name of names) {
      await waitUntil(async () => (await s.record(name))?.state === 'deployed', 60_000, name);
    }
    watching = false;
    await watch;
    redis.disconnect();
    expect(most).toBe(2);
    expect(maxOverlap(await s.deploymentCalls(), latencyMs)).toBeLessThanOrEqual(2);
    expect(await s.creates()).toHaveLength(6);
  }, 180_000);
});
