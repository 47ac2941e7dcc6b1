import { afterEach, describe, expect, it } from 'vitest';
import { buildBody, buildWorld, createSim, HZ } from './support/run-sim.js';

/**
 * The lifecycle calls of aliyun-cli-facts.md "Lifecycle" (request and response fields from the
 * OpenAPI meta and alibabacloud-go/eas-20210701 v7.10.0), played against bin/aliyun-sim.
 */
type Sim = Awaited<ReturnType<typeof createSim>>;
const sims: Sim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.cleanup()));
});

/** A fresh account with one Running service `qwen_demo`; `transitionMs` sets how long changes take. */
async function withService(transitionMs: number, faults: unknown[] = []) {
  const sim = await createSim({
    world: buildWorld({ lifecycle: { creatingMs: 0, waitingMs: 0, transitionMs } }),
    ...(faults.length > 0 ? { faults: faults as never } : {}),
  });
  sims.push(sim);
  const labels = 'eas-deploy.owner=U0OWNER,eas-deploy.expires-at=never';
  const created = await sim.run([
    'eas',
    'create-service',
    ...HZ,
    '--biz-body',
    buildBody(),
    '--labels',
    labels,
  ]);
  expect(created.code).toBe(0);
  return sim;
}

const on = (op: string, ...flags: string[]) => [
  'eas',
  op,
  ...HZ,
  '--cluster-id',
  'cn-hangzhou',
  '--service-name',
  'qwen_demo',
  ...flags,
];

describe('aliyun-sim lifecycle calls', () => {
  it('stops a service: Stopping while the change lasts, then Stopped with no running instance', async () => {
    const slow = await withService(600_000);
    const answer = await slow.run(on('stop-service'));
    expect(answer.code).toBe(0);
    expect(Object.keys(answer.json).sort()).toEqual(['Message', 'RequestId']);
    expect((await slow.run(on('describe-service'))).json.Status).toBe('Stopping');
    const quick = await withService(0);
    await quick.run(on('stop-service'));
    expect((await quick.run(on('describe-service'))).json).toMatchObject({
      Status: 'Stopped',
      RunningInstance: 0,
    });
  });

  it('starts a stopped service again and restarts a running one', async () => {
    const sim = await withService(0);
    await sim.run(on('stop-service'));
    expect((await sim.run(on('start-service'))).code).toBe(0);
    expect((await sim.run(on('describe-service'))).json.Status).toBe('Running');
    const slow = await withService(600_000);
    await slow.run(on('restart-service'));
    const described = (await slow.run(on('describe-service'))).json;
    expect(described.Status).toBe('Starting');
    expect(Date.parse(String(described.UpdateTime))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('scales to the instance count given and refuses a count that is not a number', async () => {
    const sim = await withService(0);
    expect((await sim.run(on('scale-service', '--instance', '3'))).code).toBe(0);
    expect((await sim.run(on('describe-service'))).json.TotalInstance).toBe(3);
    const bad = await sim.run(on('scale-service', '--instance', 'many'));
    expect(bad.stderr).toContain('Code: InvalidParameter');
    const missing = await sim.run(on('scale-service'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('required flag(s) "instance" not set');
  });

  it('keeps every version after an update and rolls back to the one asked for', async () => {
    const sim = await withService(0);
    const newer = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.15.0-gpu';
    const body = JSON.stringify({ containers: [{ image: newer, port: 8000 }] });
    expect((await sim.run(on('update-service', '--biz-body', body))).code).toBe(0);
    const versions = await sim.run(
      on('list-service-versions', '--page-number', '1', '--page-size', '10'),
    );
    expect(versions.json.Versions).toEqual([
      expect.objectContaining({ ImageId: 2, ServiceRunnable: 'true', ImageAvailable: 'true' }),
      expect.objectContaining({ ImageId: 1 }),
    ]);
    expect((await sim.run(on('describe-service'))).json).toMatchObject({
      CurrentVersion: 2,
      LatestVersion: 2,
      Image: newer,
    });
    expect((await sim.run(on('update-service-version', '--biz-version', '1'))).code).toBe(0);
    const back = (await sim.run(on('describe-service'))).json;
    expect(back).toMatchObject({ CurrentVersion: 1, LatestVersion: 2 });
    expect(back.Image).toContain('vllm:0.14.0-gpu');
    const missing = await sim.run(on('update-service-version', '--biz-version', '7'));
    expect(missing.stderr).toContain('version 7 of service qwen_demo not found');
  });

  it('sets labels without losing the others, finds services by label, and removes labels by key', async () => {
    const sim = await withService(0);
    const expiry = 'eas-deploy.expires-at=2030-01-01T00:00:00Z';
    expect((await sim.run(on('update-service-label', '--labels', expiry))).code).toBe(0);
    // The legacy JSON form is not the plugin's: refused, as create-service refuses it.
    const json = await sim.run(on('update-service-label', '--labels', '{"k":"v"}'));
    expect(json.stderr).toContain('Code: InvalidParameter');
    const found = await sim.run(['eas', 'list-services', ...HZ, '--label', expiry]);
    expect(found.json.TotalCount).toBe(1);
    expect((found.json.Services as { Labels: unknown[] }[])[0]?.Labels).toEqual(
      expect.arrayContaining([
        { LabelKey: 'eas-deploy.owner', LabelValue: 'U0OWNER' },
        { LabelKey: 'eas-deploy.expires-at', LabelValue: '2030-01-01T00:00:00Z' },
      ]),
    );
    await sim.run(on('delete-service-label', '--label-keys', '["eas-deploy.owner"]'));
    const labels = (await sim.run(on('describe-service'))).json.Labels;
    expect(labels).toEqual([
      { LabelKey: 'eas-deploy.expires-at', LabelValue: '2030-01-01T00:00:00Z' },
    ]);
  });

  it('shows a deleted service as Deleting until the deletion is over', async () => {
    const sim = await withService(600_000);
    expect((await sim.run(on('delete-service'))).code).toBe(0);
    expect((await sim.run(on('describe-service'))).json.Status).toBe('Deleting');
  });

  it('fails a lifecycle call the way a fault says, naming the PUT it timed out on', async () => {
    const sim = await withService(0, [
      { op: 'eas stop-service', mode: 'timeout', times: 1 },
      { op: 'eas stop-service', mode: 'error', status: 500, code: 'InternalError', times: 1 },
    ]);
    const first = await sim.run(on('stop-service'));
    expect(first.stderr).toContain(
      'Put "https://pai-eas.cn-hangzhou.aliyuncs.com/api/v2/services/cn-hangzhou/qwen_demo/stop"',
    );
    expect((await sim.run(on('stop-service'))).stderr).toContain('Code: InternalError');
    expect((await sim.run(on('describe-service'))).json.Status).toBe('Running');
  });
});
