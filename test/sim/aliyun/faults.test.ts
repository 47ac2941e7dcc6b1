import { afterEach, describe, expect, it } from 'vitest';
import { readSimCallLog } from '../../../sim/aliyun/call-log.js';
import type { SimFault } from '../../../sim/aliyun/world-schema.js';
import { buildBody, buildWorld, createSim, HZ } from './support/run-sim.js';

type Sim = Awaited<ReturnType<typeof createSim>>;
const sims: Sim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.cleanup()));
});

async function simWithFaults(faults: SimFault[], inWorld = false) {
  const sim = inWorld
    ? await createSim({ world: buildWorld({ faults }) })
    : await createSim({ faults });
  sims.push(sim);
  return sim;
}

const create = (sim: Sim, body = buildBody()) =>
  sim.run(['eas', 'create-service', ...HZ, '--biz-body', body]);
/** A plugin prints Go's error cobra-style (aliyun-cli-facts.md: plugin text format unverified). */
const TIMEOUT =
  'Error: Post "https://pai-eas.cn-hangzhou.aliyuncs.com/api/v2/services": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\n';

describe('aliyun-sim faults', () => {
  it('times out the first N calls only, counting across processes', async () => {
    const sim = await simWithFaults(
      [{ op: 'eas create-service', mode: 'timeout', times: 1, latencyMs: 50 }],
      true,
    );
    const first = await create(sim);
    expect(first).toMatchObject({ code: 1, stdout: '', stderr: TIMEOUT });
    expect((await create(sim)).code).toBe(0);
    const listed = await sim.run(['eas', 'list-services', ...HZ, '--service-name', 'qwen_demo']);
    expect(listed.json.TotalCount).toBe(1);
  });

  it('names the GET of a read call in its timeout message', async () => {
    const sim = await simWithFaults([{ op: 'eas describe-service', mode: 'timeout' }]);
    const result = await sim.run([
      'eas',
      'describe-service',
      ...HZ,
      '--cluster-id',
      'cn-hangzhou',
      '--service-name',
      'qwen_chat_prod',
    ]);
    expect(result.stderr).toBe(
      'Error: Get "https://pai-eas.cn-hangzhou.aliyuncs.com/api/v2/services/cn-hangzhou/qwen_chat_prod": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\n',
    );
  });

  it('creates the service anyway on timeout-but-succeeds, so a retry meets 409', async () => {
    const sim = await simWithFaults([
      { op: 'eas create-service', mode: 'timeout-but-succeeds', times: 1 },
    ]);
    expect((await create(sim)).stderr).toBe(TIMEOUT);
    const retry = await create(sim);
    expect(retry.stderr).toContain('Code: ServiceAlreadyExists');
  });

  it('fails with the status, code and message a fault gives', async () => {
    const sim = await simWithFaults([
      {
        op: 'eas describe-machine-spec',
        mode: 'error',
        status: 403,
        code: 'Forbidden.RAM',
        message: 'User not authorized to operate on the specified resource.',
      },
    ]);
    const result = await sim.run(['eas', 'describe-machine-spec', ...HZ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '   StatusCode: 403\n   Code: Forbidden.RAM\n   Message: code: 403, User not authorized',
    );
  });

  it('throttles with 429 Throttling.User', async () => {
    const sim = await simWithFaults([{ op: '*', mode: 'throttle', times: 1 }]);
    const result = await sim.run(['aiworkspace', 'list-workspaces', ...HZ]);
    expect(result.stderr).toContain(
      'StatusCode: 429\n   Code: Throttling.User\n   Message: code: 429, Request was denied due to user flow control.',
    );
  });

  it('answers the NLB plugin bug only for bodies with networking.nlb', async () => {
    const sim = await simWithFaults([{ op: 'eas create-service', mode: 'nlb-bug' }]);
    const net = {
      vpc_id: 'vpc-bp1demo01',
      vswitch_id: 'vsw-bp1zonea01,vsw-bp1zoneb01',
      security_group_id: 'sg-bp1demo01',
    };
    const nlbBody = buildBody({
      cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' }, networking: net },
      networking: { nlb: [{ id: 'default', listener_port: 8000, netType: 'intranet' }] },
    });
    const bug = await create(sim, nlbBody);
    expect(bug.stderr).toContain(
      'StatusCode: 400\n   Code: InvalidParameter\n   Message: code: 400, vswitch can not be null',
    );
    expect((await create(sim)).code).toBe(0);
  });

  it("refuses an uninstalled plugin's commands (exit 1, never 4) until plugin install puts it back", async () => {
    const world = buildWorld({
      plugins: [
        { name: 'aliyun-cli-eas', version: '0.2.0', installed: false },
        { name: 'aliyun-cli-aiworkspace', version: '0.1.3' },
      ],
    });
    const sim = await createSim({ world });
    sims.push(sim);
    const missing = await sim.run(['eas', 'list-services', ...HZ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("ERROR: 'eas' is not a valid built-in product.");
    expect(missing.stderr).toContain("Run 'aliyun plugin install --names aliyun-cli-eas'");
    expect((await sim.run(['plugin', 'list'])).stdout).not.toContain('aliyun-cli-eas');
    const installed = await sim.run(['plugin', 'install', '--names', 'aliyun-cli-eas']);
    expect(installed.code).toBe(0);
    expect((await sim.run(['plugin', 'list'])).stdout).toMatch(/aliyun-cli-eas\s+0\.2\.0/);
    expect((await sim.run(['plugin', 'update'])).code).toBe(0);
    expect((await sim.run(['eas', 'list-services', ...HZ])).code).toBe(0);
  });

  it('injects plugin-missing and plugin-broken (non-JSON stdout) as faults', async () => {
    const sim = await simWithFaults([
      { op: 'aiworkspace list-images', mode: 'plugin-missing', times: 1 },
      { op: 'aiworkspace list-images', mode: 'plugin-broken', times: 1 },
    ]);
    const first = await sim.run(['aiworkspace', 'list-images', ...HZ]);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('aliyun-cli-aiworkspace');
    const second = await sim.run(['aiworkspace', 'list-images', ...HZ]);
    expect(second.code).toBe(0);
    expect(() => JSON.parse(second.stdout)).toThrow();
    expect((await sim.run(['aiworkspace', 'list-images', ...HZ])).json.Images).toBeInstanceOf(
      Array,
    );
  });

  it('limits a fault to its region and still answers normally after a latency fault', async () => {
    const sim = await simWithFaults([
      { op: 'eas list-gateway', mode: 'error', region: 'cn-shanghai' },
      { op: 'eas list-gateway', mode: 'latency', latencyMs: 20 },
    ]);
    expect((await sim.run(['eas', 'list-gateway', '--region', 'cn-shanghai'])).code).toBe(1);
    expect(
      (await sim.run(['eas', 'list-gateway', ...HZ], { ALIYUN_SIM_LATENCY_MS: '5' })).code,
    ).toBe(0);
  });

  it('records every call with its exit code and without secrets in the call log', async () => {
    const sim = await simWithFaults([{ op: 'eas create-service', mode: 'timeout', times: 1 }]);
    await create(sim);
    await sim.run([
      'eas',
      'list-services',
      ...HZ,
      '--access-key-secret',
      'SK-SECRET',
      '--access-key-id=AK-ID',
    ]);
    await sim.run(['eas', 'nope']);
    const log = await readSimCallLog(sim.statePath);
    expect(log.map((c) => [c.argv[0], c.argv[1], c.exitCode])).toEqual([
      ['eas', 'create-service', 1],
      ['eas', 'list-services', 1],
      ['eas', 'nope', 1],
    ]);
    expect(JSON.stringify(log)).not.toMatch(/SK-SECRET|AK-ID/);
    expect(log[1]?.argv).toContain('--access-key-id=[REDACTED]');
  });
});
