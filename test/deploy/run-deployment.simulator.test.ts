import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareSimEnv } from '../../sim/aliyun/sim-env.js';
import type { SimFault, SimWorldInput } from '../../sim/aliyun/world-schema.js';
import { type CliRunner, createExecaCliRunner } from '../../src/aliyun/cli-runner.js';
import { runPreflight } from '../../src/aliyun/preflight.js';
import { DeploySpec, type DeploySpecInput } from '../../src/deploy/deploy-spec.js';
import { emptyJournal, Journal } from '../../src/deploy/journal.js';
import { runDeployment } from '../../src/deploy/run-deployment.js';
import { buildPagedWorld } from './paged-world.js';

// The engine alone through bin/aliyun-sim and its built-in demo world. Deployments on each network
// mode and each gate's "no" run the whole way through Slack in test/e2e/flows (network-modes,
// stop-conditions, engine-notes); here: the preflight, and a resumed journal that never creates twice.
const SIM = resolve('bin/aliyun-sim');
const available = existsSync(SIM) && existsSync('dist/sim/aliyun/main.js');
const dirs: string[] = [];

/** A runner on a fresh simulated account (a world, ALIYUN_SIM_FAULTS); it records each call. */
async function createSimCli(
  faults: SimFault[] = [],
  world?: SimWorldInput,
): Promise<CliRunner & { calls: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'engine-sim-'));
  dirs.push(dir);
  const env = {
    PATH: process.env.PATH ?? '',
    ...(await prepareSimEnv({ dir, faults, ...(world ? { world } : {}) })),
  };
  const inner = createExecaCliRunner({ executable: SIM, env, defaultTimeoutMs: 20_000 });
  const calls: string[] = [];
  return {
    calls,
    run: async (args, options) => {
      calls.push(`${args[0]} ${args[1]}`);
      return inner.run(args, options);
    },
  };
}

async function deploy(cli: CliRunner, input: Partial<DeploySpecInput>, journal = emptyJournal()) {
  const spec = DeploySpec.parse({
    region: 'cn-hangzhou',
    serviceName: 'sim_demo',
    image: 'vllm',
    instanceType: 'ecs.gn7i-c16g1.4xlarge',
    ...input,
  });
  let saved = journal;
  const outcome = await runDeployment(spec, {
    deploymentId: `sim-${spec.serviceName}`,
    cli,
    journal,
    saveJournal: async (j) => {
      saved = structuredClone(j);
    },
    onProgress: () => {},
    sleep: async () => {},
  });
  return { outcome, saved: () => saved };
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('runDeployment through the simulator', () => {
  it('passes the preflight', async () => {
    expect(await runPreflight(await createSimCli())).toEqual({ ok: true, problems: [] });
  });

  it.each([
    ['a dedicated gateway', 'gateway', 'PrivateGateway'],
    ['an NLB', 'nlb', 'Nlb'],
  ] as const)(
    'deploys behind %s in a world whose VPC sits on page 3 and whose gateway names no load balancers',
    async (_name, mode, type) => {
      const cli = await createSimCli([], buildPagedWorld());
      const { outcome } = await deploy(cli, { network: { mode } });
      if (outcome.result.result !== 'deployed') throw new Error(JSON.stringify(outcome.result));
      expect(outcome.result.summary.endpoints[0]?.type).toBe(type);
      if (mode === 'nlb') {
        expect(cli.calls.filter((c) => c === 'vpc DescribeVpcs')).toHaveLength(3);
        expect(cli.calls.filter((c) => c === 'vpc DescribeVSwitches')).toHaveLength(2);
      }
    },
  );

  it('ends a create that met an i/o timeout but succeeded in the cloud with one summary and no second create', async () => {
    const cli = await createSimCli([
      { op: 'eas create-service', mode: 'network-but-succeeds', netError: 'i/o timeout', times: 1 },
    ]);
    const { outcome } = await deploy(cli, {});
    expect(outcome.result).toMatchObject({
      result: 'deployed',
      summary: { serviceName: 'sim_demo' },
    });
    expect(cli.calls.filter((c) => c === 'eas create-service')).toHaveLength(1);
  });

  it('reconciles a create that timed out but succeeded, and a resumed job does not create again', async () => {
    const cli = await createSimCli([
      { op: 'eas create-service', mode: 'timeout-but-succeeds', times: 1 },
    ]);
    const first = await deploy(cli, {});
    expect(first.outcome.result.result).toBe('deployed');
    expect(cli.calls.filter((c) => c === 'eas create-service')).toHaveLength(1);
    const before = cli.calls.length;
    const again = await deploy(cli, {}, Journal.parse(first.saved()));
    expect(again.outcome.result.result).toBe('deployed');
    expect(cli.calls.slice(before)).toEqual([
      'eas describe-service',
      'eas describe-service-endpoints',
    ]);
  });
});
