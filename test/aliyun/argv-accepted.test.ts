import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSimExecutable, prepareSimEnv } from '../../sim/aliyun/sim-env.js';
import { createExecaCliRunner } from '../../src/aliyun/cli-runner.js';
import * as commands from '../../src/aliyun/commands.js';

const T = { region: 'cn-hangzhou', userAgent: commands.buildUserAgent('d-argv1') };
const BODY = JSON.stringify({
  metadata: { name: 'argv_check', instance: 1 },
  containers: [
    { image: 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu', port: 8000 },
  ],
  cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' } },
});
const LABELS = {
  [commands.REQUEST_ID_LABEL]: 'd-argv1',
  [commands.OWNER_LABEL]: 'U0OWNER',
  [commands.EXPIRES_AT_LABEL]: '2026-12-03T01:00:00.000Z',
  [commands.CHANNEL_LABEL]: 'C0CHANNEL',
};

/**
 * One argv per builder of src/aliyun/commands.ts, with inputs the demo world answers. A builder
 * added without a sample here fails the completeness test below.
 */
const SAMPLES: Record<string, () => string[]> = {
  listWorkspacesArgs: () => commands.listWorkspacesArgs(T, 2),
  listServicesArgs: () => commands.listServicesArgs(T, 'qwen_chat_prod', 1),
  listImagesArgs: () => commands.listImagesArgs(T, 1, 'vllm'),
  describeMachineSpecArgs: () => commands.describeMachineSpecArgs(T),
  listResourcesArgs: () => commands.listResourcesArgs(T, 1),
  listGatewayArgs: () => commands.listGatewayArgs(T, 1),
  describeGatewayArgs: () => commands.describeGatewayArgs(T, 'gw-bp1demo01'),
  listGatewayLinkedVpcArgs: () => commands.listGatewayLinkedVpcArgs(T, 'gw-bp1demo01'),
  describeVpcsArgs: () => commands.describeVpcsArgs(T, 1),
  describeVswitchesArgs: () => commands.describeVswitchesArgs(T, 'vpc-bp1demo01', 1),
  describeSecurityGroupsArgs: () => commands.describeSecurityGroupsArgs(T, 'vpc-bp1demo01', 1),
  listLoadBalancersArgs: () => commands.listLoadBalancersArgs(T, undefined),
  createServiceArgs: () => commands.createServiceArgs(T, BODY, LABELS, '86231'),
  describeServiceArgs: () => commands.describeServiceArgs(T, 'qwen_chat_prod'),
  describeServiceEndpointsArgs: () => commands.describeServiceEndpointsArgs(T, 'qwen_chat_prod'),
  describeServiceEventArgs: () => commands.describeServiceEventArgs(T, 'qwen_chat_prod'),
  describeServiceLogArgs: () => commands.describeServiceLogArgs(T, 'qwen_chat_prod', 1),
  listServicesPageArgs: () => commands.listServicesPageArgs('cn-hangzhou', 1),
  installPluginArgs: () => commands.installPluginArgs('aliyun-cli-eas'),
  listPluginsArgs: () => commands.listPluginsArgs(),
  pluginHelpArgs: () => commands.pluginHelpArgs('eas'),
};

const builders = Object.entries(commands)
  .filter(([name, value]) => typeof value === 'function' && name.endsWith('Args'))
  .map(([name]) => name);

let dir: string;
let run: ReturnType<typeof createExecaCliRunner>['run'];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'argv-'));
  // The demo world as the image ships the CLI: only the eas and aiworkspace plugins installed.
  const env = { PATH: process.env.PATH ?? '', ...(await prepareSimEnv({ dir })) };
  run = createExecaCliRunner({ executable: findSimExecutable(), env }).run;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('every argv the product builds, against the simulator in real-CLI mode', () => {
  it('has a sample for every argv builder', () => {
    expect(builders.sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(Object.entries(SAMPLES))('runs %s with exit 0', async (_name, build) => {
    const result = await run(build());
    expect({ exit: result.exitCode, stderr: result.stderr }).toEqual({ exit: 0, stderr: '' });
  });

  it('needs no plugin beyond eas and aiworkspace: vpc, ecs and nlb calls run built in', () => {
    const products = Object.values(SAMPLES).map((build) => build()[0]);
    const lowercase = Object.values(SAMPLES)
      .map((build) => build())
      .filter(([, op]) => op !== undefined && op === op.toLowerCase() && !op.startsWith('--'))
      .map(([product]) => product);
    expect(new Set(lowercase)).toEqual(new Set(['eas', 'aiworkspace', 'plugin']));
    expect(products).toEqual(expect.arrayContaining(['vpc', 'ecs', 'nlb']));
  });
});
