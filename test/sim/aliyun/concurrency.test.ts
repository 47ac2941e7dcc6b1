import { mkdir, utimes } from 'node:fs/promises';
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
      names.map((name) =>
        sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody({}, name)]),
      ),
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
        sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody({}, 'same_name')]),
      ),
    );
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    const conflicts = results.filter((r) => r.stderr.includes('StatusCode: 409'));
    expect(conflicts).toHaveLength(9);
  });

  it('recovers a lock left behind by a process that died mid-call', async () => {
    const sim = await newSim();
    // proper-lockfile's lock is a directory whose mtime its holder keeps fresh; a dead holder's goes stale.
    const lock = `${sim.statePath}.lock`;
    await mkdir(lock);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lock, longAgo, longAgo);
    expect((await sim.run(['eas', 'list-services', ...HZ])).code).toBe(0);
  });
});
