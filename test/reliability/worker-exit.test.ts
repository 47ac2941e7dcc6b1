import { afterAll, describe, expect, it } from 'vitest';
import { type ReliabilityStack, startReliabilityStack } from './support/reliability-stack.js';
import { waitUntil } from './support/wait-until.js';
import { killWorkers, spawnWorker, type WorkerProcess } from './support/worker-process.js';

const workers: WorkerProcess[] = [];
let stack: ReliabilityStack | undefined;

afterAll(async () => {
  await killWorkers(workers);
  await stack?.stop();
}, 30_000);

describe('how the worker process exits', () => {
  it('exits 1 with one line naming the problem when it cannot start', async () => {
    const worker = spawnWorker({ REDIS_URL: 'not-a-url' });
    workers.push(worker);
    expect((await worker.exited).code).toBe(1);
    const lines = worker.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^eas-deploy: /);
  });

  it('exits 0 on SIGTERM while a CLI child is running (its preflight)', async () => {
    stack = await startReliabilityStack({ latencyMs: 3_000 });
    const worker = spawnWorker({ ...stack.workerEnv, LOG_LEVEL: 'info' });
    workers.push(worker);
    await waitUntil(() => worker.stdout().includes('eas-deploy started'), 10_000, 'start-up');
    const logPath = `${stack.stack.simEnv.ALIYUN_SIM_STATE}.calls.jsonl`;
    const { readFile } = await import('node:fs/promises');
    await waitUntil(
      () =>
        readFile(logPath, 'utf8').then(
          (t) => t.includes('plugin'),
          () => false,
        ),
      10_000,
      'the preflight call',
    );
    worker.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  });
});
