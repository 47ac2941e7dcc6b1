import { afterAll, describe, expect, it } from 'vitest';
import { createRegionSlots } from '../../src/queue/region-slots.js';
import { connectRedis } from '../support/redis.js';
import { type ReliabilityStack, startReliabilityStack, tsOf } from './support/reliability-stack.js';
import { waitUntil } from './support/wait-until.js';
import { killWorkers, spawnWorker, type WorkerProcess } from './support/worker-process.js';

const redis = connectRedis();
const workers: WorkerProcess[] = [];
let stack: ReliabilityStack | undefined;

afterAll(async () => {
  await killWorkers(workers);
  await stack?.stop();
  redis.disconnect();
}, 30_000);

describe('a deployment whose worker is killed more often than maxStalledCount', () => {
  it('ends with one failure message in its thread, the record failed, its slot and name free', async () => {
    // Every simulated call takes 1.5 s, so a worker is always caught in the middle of one.
    stack = await startReliabilityStack({ latencyMs: 1_500 });
    const s = stack;
    const name = 'killed_thrice';
    expect((await s.submit('V0STALLED001', name)).status).toBe(200);
    for (let kill = 1; kill <= 3; kill += 1) {
      const worker = spawnWorker({ ...s.workerEnv, LOG_LEVEL: 'info' });
      workers.push(worker);
      // Its processor has (re)taken the deployment; the simulator's slow calls keep it there.
      await waitUntil(
        () => worker.stdout().includes('"msg":"deployment started"'),
        40_000,
        `worker ${kill} to run the deployment`,
      );
      worker.kill('SIGKILL');
      await worker.exited;
    }
    // The fourth finds the job stalled a third time: BullMQ fails it without running the processor.
    const last = spawnWorker(s.workerEnv);
    workers.push(last);
    await waitUntil(
      async () => (await s.record(name))?.state === 'failed',
      40_000,
      'the record to say failed',
    );
    const parents = s.parents();
    expect(parents).toHaveLength(1);
    const parentTs = tsOf(parents[0] as never);
    await waitUntil(
      () => s.threadReplies(parentTs).length > 0,
      10_000,
      'the failure message in the thread',
    );
    // Stopping waits for any report under way, so nothing can arrive after this.
    last.kill('SIGTERM');
    expect(await last.exited).toEqual({ code: 0, signal: null });

    const texts = s.threadReplies(parentTs).map((r) => JSON.stringify(r.args));
    expect(texts, texts.join('\n')).toHaveLength(1);
    expect(texts[0]).toContain('interrupted 3 times');
    expect(texts[0]).toContain('PAI console');
    const parentEdits = s.stack.slack.calls.filter(
      (c) => c.method === 'chat.update' && c.args.ts === parentTs,
    );
    expect(JSON.stringify(parentEdits.at(-1)?.args)).toContain('failed');
    const slots = createRegionSlots(redis, s.prefix, 4);
    expect(await slots.holders('cn-hangzhou')).toEqual([]);
    expect(await redis.exists(`${s.prefix}:name:cn-hangzhou:${name}`)).toBe(0);
    // However often it was interrupted, the service was never asked for twice.
    expect((await s.creates()).length).toBeLessThanOrEqual(1);
  }, 180_000);
});
