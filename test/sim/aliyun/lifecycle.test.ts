import { afterEach, describe, expect, it } from 'vitest';
import { buildBody, buildWorld, createSim, HZ } from './support/run-sim.js';

type Sim = Awaited<ReturnType<typeof createSim>>;
const sims: Sim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.cleanup()));
});

async function simWith(world: Parameters<typeof buildWorld>[0]) {
  const sim = await createSim({ world: buildWorld(world) });
  sims.push(sim);
  return sim;
}

const describeArgs = (name: string) => [
  'eas',
  'describe-service',
  ...HZ,
  '--cluster-id',
  'cn-hangzhou',
  '--service-name',
  name,
];
const eventArgs = (name: string) => [
  'eas',
  'describe-service-event',
  ...HZ,
  '--cluster-id',
  'cn-hangzhou',
  '--service-name',
  name,
];

describe('aliyun-sim service lifecycle', () => {
  it('keeps a new service Creating while creatingMs has not passed', async () => {
    const sim = await simWith({ lifecycle: { creatingMs: 600_000, waitingMs: 0 } });
    await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    const { json } = await sim.run(describeArgs('qwen_demo'));
    expect(json).toMatchObject({
      Status: 'Creating',
      RunningInstance: 0,
      ServiceName: 'qwen_demo',
    });
    expect(typeof json.AccessToken).toBe('string');
  });

  it('moves to Waiting after creatingMs, then Running after waitingMs', async () => {
    const waiting = await simWith({ lifecycle: { creatingMs: 0, waitingMs: 600_000 } });
    await waiting.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    expect((await waiting.run(describeArgs('qwen_demo'))).json.Status).toBe('Waiting');
    const running = await simWith({ lifecycle: { creatingMs: 0, waitingMs: 0 } });
    await running.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    const { json } = await running.run(describeArgs('qwen_demo'));
    expect(json).toMatchObject({
      Status: 'Running',
      RunningInstance: 1,
      Message: 'Service start successfully',
    });
    const events = await running.run(eventArgs('qwen_demo'));
    expect((events.json.Events as { Reason: string }[]).map((e) => e.Reason)).toEqual([
      'Scheduled',
      'Pulled',
      'Started',
    ]);
    // DescribeServiceEvent's own field names (the SDK model): PageNum, TotalPageNum, no PageNumber.
    expect(events.json).toMatchObject({ PageNum: 1, TotalCount: 3, TotalPageNum: 1 });
    expect(events.json).not.toHaveProperty('PageNumber');
    const page2 = await running.run([
      ...eventArgs('qwen_demo'),
      '--page-num',
      '2',
      '--page-size',
      '2',
    ]);
    expect(page2.json).toMatchObject({
      PageNum: 2,
      TotalPageNum: 2,
      Events: [{ Reason: 'Started' }],
    });
    const warnings = await running.run([...eventArgs('qwen_demo'), '--event-type', 'Warning']);
    expect(warnings.json).toMatchObject({ TotalCount: 0, Events: [] });
  });

  it.each([
    ['image-pull', 'ImagePullBackOff'],
    ['crash-loop', 'CrashLoopBackOff'],
    ['out-of-stock', 'InsufficientResources'],
  ] as const)('fails with a %s event when the world says so', async (reason, eventReason) => {
    const sim = await simWith({
      lifecycle: { creatingMs: 0, waitingMs: 0 },
      failures: [{ service: 'qwen_demo', reason }],
    });
    await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    expect((await sim.run(describeArgs('qwen_demo'))).json).toMatchObject({
      Status: 'Failed',
      Reason: eventReason,
    });
    const events = (await sim.run(eventArgs('qwen_demo'))).json.Events as {
      Type: string;
      Reason: string;
    }[];
    expect(events.at(-1)).toMatchObject({ Type: 'Warning', Reason: eventReason });
  });

  it('fails a service on an out-of-stock instance type with InsufficientResources', async () => {
    const sim = await simWith({ lifecycle: { creatingMs: 0, waitingMs: 0 } });
    await sim.run([
      'eas',
      'create-service',
      ...HZ,
      '--biz-body',
      buildBody({ cloud: { computing: { instance_type: 'ecs.gn7-c12g1.3xlarge' } } }),
    ]);
    expect((await sim.run(describeArgs('qwen_demo'))).json.Reason).toBe('InsufficientResources');
  });

  it('answers 404 InvalidService.NotFound right after create while invisibleMs lasts', async () => {
    const sim = await simWith({ lifecycle: { creatingMs: 0, waitingMs: 0, invisibleMs: 600_000 } });
    expect((await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()])).code).toBe(
      0,
    );
    const hidden = await sim.run(describeArgs('qwen_demo'));
    expect(hidden.code).toBe(1);
    expect(hidden.stderr).toContain('Code: InvalidService.NotFound');
  });

  it('leaves a new service out of list-services while invisibleMs lasts, yet refuses its name', async () => {
    const sim = await simWith({ lifecycle: { creatingMs: 0, waitingMs: 0, invisibleMs: 600_000 } });
    expect((await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()])).code).toBe(
      0,
    );
    const listed = await sim.run(['eas', 'list-services', ...HZ, '--service-name', 'qwen_demo']);
    expect(listed.json?.TotalCount).toBe(0);
    expect(listed.json?.Services).toEqual([]);
    const again = await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    expect(again.stderr).toContain('Code: ServiceAlreadyExists');
  });

  it('lists a new service at once when the world has no invisibility window', async () => {
    const sim = await simWith({ lifecycle: { creatingMs: 0, waitingMs: 0, invisibleMs: 0 } });
    await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    const listed = await sim.run(['eas', 'list-services', ...HZ, '--service-name', 'qwen_demo']);
    expect(listed.json?.TotalCount).toBe(1);
  });

  it('deletes a service so that, once Deleting is over, it is neither described nor listed', async () => {
    const sim = await simWith({ lifecycle: { creatingMs: 0, waitingMs: 0, transitionMs: 0 } });
    await sim.run(['eas', 'create-service', ...HZ, '--biz-body', buildBody()]);
    const deleted = await sim.run([
      'eas',
      'delete-service',
      ...HZ,
      '--cluster-id',
      'cn-hangzhou',
      '--service-name',
      'qwen_demo',
    ]);
    expect(deleted.code).toBe(0);
    expect((await sim.run(describeArgs('qwen_demo'))).stderr).toContain('StatusCode: 404');
    expect(
      (await sim.run(['eas', 'list-services', ...HZ, '--service-name', 'qwen_demo'])).json
        ?.TotalCount,
    ).toBe(0);
  });

  it('starts from a world file: its existing services are Running and its regions are the only ones with data', async () => {
    const sim = await simWith({
      regions: { 'cn-hangzhou': { services: [{ name: 'only_one', image: 'img' }] } },
    });
    const listed = await sim.run(['eas', 'list-services', ...HZ]);
    expect(listed.json.Services).toEqual([
      expect.objectContaining({ ServiceName: 'only_one', Status: 'Running' }),
    ]);
    const images = await sim.run(['aiworkspace', 'list-images', ...HZ]);
    expect(images.json.TotalCount).toBe(0);
  });

  it('refuses a world that does not match the schema, naming the problem', async () => {
    const sim = await createSim({
      world: { regions: { 'cn-hangzhou': { workspaces: [{ WorkspaceName: 'no id' }] } } } as never,
    });
    sims.push(sim);
    const result = await sim.run(['eas', 'list-services', ...HZ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a valid world');
    expect(result.stderr).toContain('WorkspaceId');
  });
});
