import { utimes, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { filterSimCalls, readSimCallLog } from '../../../sim/aliyun/call-log.js';
import { buildBody, createSim, HZ } from './support/run-sim.js';

type Sim = Awaited<ReturnType<typeof createSim>>;
const sims: Sim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.cleanup()));
});
async function newSim() {
  const sim = await createSim();
  sims.push(sim);
  return sim;
}

describe('aliyun-sim under concurrency', () => {
  it('keeps all 20 services created by 20 processes at once', async () => {
    const sim = await newSim();
    const names = Array.from({ length: 20 }, (_, i) => `parallel_${i}`);
    const results = await Promise.all(
      names.map((name) => sim.run(['eas', 'create-service', ...HZ, '--body', buildBody({}, name)])),
    );
    expect(results.map((r) => r.code)).toEqual(names.map(() => 0));
    const listed = await sim.run(['eas', 'list-services', ...HZ, '--filter', 'parallel_']);
    const listedNames = (listed.json.Services as { ServiceName: string }[]).map(
      (s) => s.ServiceName,
    );
    expect(listedNames.sort()).toEqual([...names].sort());
    expect(filterSimCalls(await readSimCallLog(sim.statePath), 'eas create-service')).toHaveLength(
      20,
    );
  });

  it('lets exactly one of 10 concurrent creates of the same name succeed; nine get 409', async () => {
    const sim = await newSim();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        sim.run(['eas', 'create-service', ...HZ, '--body', buildBody({}, 'same_name')]),
      ),
    );
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    const conflicts = results.filter((r) => r.stderr.includes('StatusCode: 409'));
    expect(conflicts).toHaveLength(9);
  });

  it('recovers a lock left behind by a process that died', async () => {
    const sim = await newSim();
    // A pid far above any pid_max default: no such process exists.
    await writeFile(`${sim.statePath}.lock`, '4194999');
    const result = await sim.run(['eas', 'list-services', ...HZ]);
    expect(result.code).toBe(0);
  });

  it('recovers a lock older than any real call even when its pid is alive', async () => {
    const sim = await newSim();
    const lock = `${sim.statePath}.lock`;
    await writeFile(lock, String(process.pid));
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lock, longAgo, longAgo);
    expect((await sim.run(['eas', 'list-services', ...HZ])).code).toBe(0);
  });
});
