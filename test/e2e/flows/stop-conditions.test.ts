import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../demo/local-stack.js';
import { REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { deployThroughSlack, type FlowResult } from './deploy-through-slack.js';
import { buildFlowWorld, vllmImage } from './flow-world.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix: uniquePrefix('flow-stop'),
    sim: { world: buildFlowWorld() },
  });
});
afterAll(async () => stack?.stop());

const GPU = 'ecs.gn7i-c16g1.4xlarge';
const deploy = (
  name: string,
  selects: Record<string, string>,
  fields: Record<string, string> = {},
) =>
  deployThroughSlack(
    stack,
    { service_name: name, ...fields },
    { region: 'cn-hangzhou', image: vllmImage('cn-hangzhou'), instance_type: GPU, ...selects },
  );

/** A stop: said in the thread, and create-service never ran. */
function expectStopped(flow: FlowResult, why: RegExp): void {
  expect(flow.final).toContain('Stopped before changing anything');
  expect(flow.parent).toContain('✗ Stopped:');
  // Besides the headline, the checklist line of the step that stopped it.
  expect(flow.parent).toMatch(/✗ (?!Stopped)/);
  expect(flow.final).toMatch(why);
  expect(flow.ops).not.toContain('eas create-service');
}

describe('every stop condition, said in the thread with nothing created', () => {
  it('stops when the name already exists in the account', async () => {
    const flow = await deploy('qwen_chat_prod', {});
    expectStopped(flow, /qwen_chat_prod.*(already|exists|taken)/i);
    expect(flow.ops).toContain('eas list-services');
  });

  it('stops when the image is not an official EAS image of the region', async () => {
    const flow = await deploy('flow_bad_image', { image: 'docker.io/someone/vllm:latest' });
    expectStopped(flow, /official/i);
    expect(flow.ops).toContain('aiworkspace list-images');
  });

  it('stops when the instance type does not exist in the region', async () => {
    const flow = await deploy('flow_no_type', { instance_type: 'ecs.gn99-c1g1.xlarge' });
    expectStopped(flow, /ecs\.gn99-c1g1\.xlarge/);
    expect(flow.ops).toContain('eas describe-machine-spec');
  });

  it('stops when the instance type is out of stock', async () => {
    const flow = await deploy('flow_no_stock', { instance_type: 'ecs.gn7-c12g1.3xlarge' });
    expectStopped(flow, /stock/i);
  });

  it('stops when a dedicated gateway is asked for and the region has none', async () => {
    const flow = await deploy('flow_no_gateway', {
      region: 'cn-nonet',
      image: vllmImage('cn-nonet'),
      network: 'gateway',
    });
    expectStopped(flow, /gateway/i);
    expect(flow.ops).toContain('eas list-gateway');
  });

  it('stops when an NLB is asked for and the region has no vswitches', async () => {
    const flow = await deploy('flow_no_nlb', {
      region: 'cn-nonet',
      image: vllmImage('cn-nonet'),
      network: 'nlb',
    });
    expectStopped(flow, /(vswitch|vpc)/i);
  });

  it('stops when an NLB is asked for and the vswitches are all in one zone', async () => {
    const flow = await deploy('flow_one_zone', {
      region: 'cn-onezone',
      image: vllmImage('cn-onezone'),
      network: 'nlb',
    });
    expectStopped(flow, /different zones; this VPC has vswitches in 1 zone\. Add a vswitch/);
  });

  it('stops when the gateway VPC has no security group', async () => {
    const flow = await deploy('flow_no_sg', {
      region: 'cn-nosg',
      image: vllmImage('cn-nosg'),
      network: 'gateway',
    });
    expectStopped(flow, /security group/i);
    expect(flow.ops).toContain('ecs DescribeSecurityGroups');
  });

  it('stops when the dedicated resource group does not exist', async () => {
    const flow = await deploy('flow_no_group', {}, { resource_group: 'eas-r-doesnotexist' });
    expectStopped(flow, /eas-r-doesnotexist/);
    expect(flow.ops).toContain('eas list-resources');
  });

  it('stops when the region has several workspaces and none was chosen', async () => {
    const flow = await deploy('flow_no_ws', {
      region: 'cn-shanghai',
      image: vllmImage('cn-shanghai'),
    });
    expectStopped(flow, /workspace/i);
    expect(flow.ops).toContain('aiworkspace list-workspaces');
  });
});
