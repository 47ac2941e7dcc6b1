import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReliabilityStack, startReliabilityStack, tsOf } from './support/reliability-stack.js';
import { waitUntil } from './support/wait-until.js';
import { spawnWorker, type WorkerProcess } from './support/worker-process.js';

let s: ReliabilityStack;
let worker: WorkerProcess;

beforeAll(async () => {
  s = await startReliabilityStack({ latencyMs: 100 });
  worker = spawnWorker(s.workerEnv);
});
afterAll(async () => {
  worker?.kill('SIGTERM');
  await worker?.exited;
  await s?.stop();
}, 30_000);

const deployed = (name: string) =>
  waitUntil(async () => (await s.record(name))?.state === 'deployed', 30_000, `${name} deployed`);

describe('the same request twice', () => {
  it('makes one job and one parent message of the same view submitted twice at once', async () => {
    const answers = await Promise.all([
      s.submit('V0TWICE01', 'twice_same_view'),
      s.submit('V0TWICE01', 'twice_same_view'),
    ]);
    expect(answers.map((a) => [a.status, a.text])).toEqual([
      [200, ''],
      [200, ''],
    ]);
    await deployed('twice_same_view');
    const creates = (await s.creates()).filter((c) => c.argv.join(' ').includes('twice_same_view'));
    expect(creates).toHaveLength(1);
    const parents = s.parents().filter((p) => JSON.stringify(p.args).includes('twice_same_view'));
    expect(parents).toHaveLength(1);
    expect(s.threadReplies(tsOf(parents[0] as never))).toHaveLength(1);
  });

  it('queues exactly one of two people asking for the same name and tells the other who holds it', async () => {
    const [alice, bob] = await Promise.all([
      s.submit('V0ALICE01', 'contested_name', 'U0ALICE'),
      s.submit('V0BOB0001', 'contested_name', 'U0BOB'),
    ]);
    const queued = [alice, bob].filter((a) => a?.text === '');
    expect(queued).toHaveLength(1);
    const [winner, refused] = alice?.text === '' ? ['U0ALICE', bob] : ['U0BOB', alice];
    const errors = JSON.parse(refused?.text ?? '{}') as {
      response_action?: string;
      errors?: Record<string, string>;
    };
    expect(errors.response_action).toBe('errors');
    expect(errors.errors?.service_name).toContain(`<@${winner}>`);
    await deployed('contested_name');
    const creates = (await s.creates()).filter((c) => c.argv.join(' ').includes('contested_name'));
    expect(creates).toHaveLength(1);
    expect(
      s.parents().filter((p) => JSON.stringify(p.args).includes('contested_name')),
    ).toHaveLength(1);
  });
});
