import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../demo/local-stack.js';
import { REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { deployThroughSlack, readCreateBodies } from './deploy-through-slack.js';
import { buildFlowWorld, vllmImage } from './flow-world.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix: uniquePrefix('flow-net'),
    sim: { world: buildFlowWorld() },
  });
});
afterAll(async () => stack?.stop());

const GPU = 'ecs.gn7i-c16g1.4xlarge';
const selects = (region: string, network: string) => ({
  region,
  image: vllmImage(region),
  instance_type: GPU,
  network,
});

describe('each network mode, from the modal to the thread summary', () => {
  it('deploys on the shared gateway with the account endpoint and no networking block', async () => {
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'flow_shared' },
      selects('cn-beijing', 'shared'),
    );
    expect(flow.final).toContain('Deployment summary');
    expect(flow.parent).toContain('✓ Deployed `flow_shared` to cn-beijing');
    expect(flow.parent).toMatch(/\\n✓ /);
    expect(flow.final).toContain(
      '1234567890123456.cn-beijing.pai-eas.aliyuncs.com/api/predict/flow_shared',
    );
    expect(flow.final).toContain('/v1/chat/completions');
    const [body] = readCreateBodies(flow);
    expect(body?.networking).toBeUndefined();
    expect(flow.ops).not.toContain('eas list-gateway');
  });

  it('deploys behind the only dedicated gateway: list-gateway, then its domains and its linked VPC', async () => {
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'flow_gateway' },
      selects('cn-beijing', 'gateway'),
    );
    expect(flow.final).toContain('Deployment summary');
    expect(flow.final).toContain('gw-2zedemo01');
    const ops = flow.ops;
    expect(ops.indexOf('eas list-gateway')).toBeLessThan(ops.indexOf('eas create-service'));
    expect(ops).toContain('eas describe-gateway');
    expect(ops).toContain('eas list-gateway-intranet-linked-vpc');
    const [body] = readCreateBodies(flow);
    expect(body?.networking).toMatchObject({ gateway: 'gw-2zedemo01' });
    expect(body?.cloud).toMatchObject({
      networking: { vpc_id: 'vpc-2zedemo01', security_group_id: 'sg-2zedemo01' },
    });
  });

  it('deploys on an NLB with vswitches in two zones and shows host:port endpoints', async () => {
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'flow_nlb' },
      selects('cn-beijing', 'nlb'),
    );
    expect(flow.final).toContain('Deployment summary');
    expect(flow.final).toMatch(
      /http:\/\/nlb-[a-z0-9]+\.cn-beijing\.nlb\.aliyuncsslb\.com:8000\/api\/predict\/flow_nlb/,
    );
    expect(flow.final).toContain('Internet: (not available for this network type)');
    expect(flow.ops).toContain('vpc DescribeVSwitches');
    const [body] = readCreateBodies(flow);
    expect(body?.networking).toHaveProperty('nlb');
    const cloudNet = (body?.cloud as { networking?: { vswitch_id?: string } } | undefined)
      ?.networking;
    expect(cloudNet?.vswitch_id?.split(',')).toHaveLength(2);
  });

  it('deploys on a dedicated resource group with metadata.resource instead of cloud.computing', async () => {
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'flow_dedicated', resource_group: 'eas-r-hzdedicated01' },
      selects('cn-hangzhou', 'shared'),
    );
    expect(flow.final).toContain('Deployment summary');
    expect(flow.ops.indexOf('eas list-resources')).toBeLessThan(
      flow.ops.indexOf('eas create-service'),
    );
    const [body] = readCreateBodies(flow);
    expect(body?.metadata).toMatchObject({ resource: 'eas-r-hzdedicated01' });
    expect(body?.cloud).toBeUndefined();
  });

  it('deploys into the workspace the person chose when the region has several', async () => {
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'flow_chosen_ws' },
      { ...selects('cn-shanghai', 'shared'), workspace: '91002' },
    );
    expect(flow.final).toContain('Deployment summary');
    expect(flow.final).toContain('workspaceId=91002');
    const create = flow.calls.find((c) => c.argv[1] === 'create-service');
    expect(create?.argv.join(' ')).toContain('"workspace_id":"91002"');
  });
});
