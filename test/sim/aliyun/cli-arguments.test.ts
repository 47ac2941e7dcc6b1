import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSim, HZ } from './support/run-sim.js';

type Sim = Awaited<ReturnType<typeof createSim>>;
let sim: Sim;
beforeAll(async () => {
  sim = await createSim();
});
afterAll(() => sim.cleanup());

const PLAIN = { NO_COLOR: '1' };

describe('aliyun-sim argument parsing', () => {
  it('accepts flags in any order and --flag=value', async () => {
    const { code, json } = await sim.run([
      '--user-agent',
      'eas-deploy/0.1.0 (deployment d1)',
      'eas',
      'list-services',
      '--service-name=qwen_chat_prod',
      '--region=cn-hangzhou',
      '--profile',
      'default',
    ]);
    expect(code).toBe(0);
    expect(json.TotalCount).toBe(1);
  });

  it('answers a plugin command it does not know, or one without its required flag, as the plugin does', async () => {
    const unknown = await sim.run(['eas', 'create-services', ...HZ], PLAIN);
    expect(unknown).toMatchObject({
      code: 1,
      stderr: 'Error: unknown command "create-services" for "eas"\n',
    });
    const missing = await sim.run(['eas', 'describe-service', ...HZ], PLAIN);
    expect(missing).toMatchObject({
      code: 1,
      stderr: 'Error: required flag(s) "service-name" not set\n',
    });
    const flag = await sim.run(['eas', 'list-services', ...HZ, '--read-timeout', '60'], PLAIN);
    expect(flag).toMatchObject({ code: 1, stderr: 'Error: unknown flag: --read-timeout\n' });
  });

  it('refuses a built-in parameter or API it does not know with exit 2, never 4', async () => {
    const param = await sim.run(
      ['vpc', 'DescribeVpcs', '--RegionId', 'cn-hangzhou', '--VpcIds', 'x'],
      PLAIN,
    );
    expect(param.code).toBe(2);
    expect(param.stderr).toBe(
      "ERROR: '--VpcIds' is not a valid parameter or flag. See `aliyun help vpc DescribeVpcs`.\n",
    );
    const api = await sim.run(['vpc', 'DescribeVpc', '--RegionId', 'cn-hangzhou'], PLAIN);
    expect(api).toMatchObject({
      code: 2,
      stderr: "ERROR: 'DescribeVpc' is not a valid api. See `aliyun help vpc`.\n",
    });
  });

  it('prints the host ERROR in bold red unless NO_COLOR is 1 or true', async () => {
    const args = ['vpc', 'DescribeVpc', '--RegionId', 'cn-hangzhou'];
    const red = (await sim.run(args)).stderr;
    expect(red.startsWith('\u001b[1;31mERROR: ')).toBe(true);
    expect(red.endsWith('\n\u001b[0m')).toBe(true);
    expect((await sim.run(args, { NO_COLOR: 'true' })).stderr).toMatch(/^ERROR: /);
  });

  it('installs plugins only with flags the CLI has, and then runs their commands', async () => {
    const local = await createSim();
    try {
      const before = await local.run(
        ['vpc', 'describe-vpcs', ...HZ, '--biz-region-id', 'cn-hangzhou'],
        PLAIN,
      );
      expect(before.code).toBe(1);
      const installed = await local.run(['plugin', 'install', '--names', 'aliyun-cli-vpc'], PLAIN);
      expect(installed).toMatchObject({
        code: 0,
        stdout: 'Plugin aliyun-cli-vpc 0.1.0 installed successfully.\n',
      });
      expect((await local.run(['plugin', 'list'])).stdout).toContain('aliyun-cli-vpc');
    } finally {
      await local.cleanup();
    }
  });
});
