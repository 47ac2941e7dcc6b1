import { describe, expect, it } from 'vitest';
import { runDeployment } from '../../src/deploy/run-deployment.js';
import { fixture, flagValue } from '../support/scripted-cli.js';
import { buildContext, buildSpec, createdBody, createWorld } from './scripted-world.js';

const ops = (calls: string[][]): string[] => calls.map((c) => `${c[0]} ${c[1]}`);

describe('network and resource discovery', () => {
  it('uses no networking fields on the shared gateway and makes no discovery call', async () => {
    const cli = createWorld();
    await runDeployment(buildSpec(), buildContext(cli).ctx);
    expect(createdBody(cli).networking).toBeUndefined();
    expect(ops(cli.calls)).not.toContain('eas list-gateway');
  });

  it('finds a dedicated gateway: list-gateway, then its domains and its linked VPC at once', async () => {
    const cli = createWorld({
      endpoints: [{ stdout: fixture('describe-service-endpoints.intranet-only.json') }],
    });
    const outcome = await runDeployment(
      buildSpec({ network: { mode: 'gateway' } }),
      buildContext(cli).ctx,
    );
    const discovery = ops(cli.calls).filter((o) => /gateway|Security/.test(o));
    expect(discovery.sort()).toEqual([
      'eas describe-gateway',
      'eas list-gateway',
      'eas list-gateway-intranet-linked-vpc',
    ]);
    expect(
      flagValue(cli.callsOf('eas', 'list-gateway-intranet-linked-vpc')[0] ?? [], '--gateway-id'),
    ).toBe('gw-abc123');
    expect(createdBody(cli)).toMatchObject({
      networking: { gateway: 'gw-abc123' },
      cloud: {
        computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' },
        networking: { vpc_id: 'vpc-main1', vswitch_id: 'vsw-a1', security_group_id: 'sg-main1' },
      },
    });
    if (outcome.result.result !== 'deployed') throw new Error('not deployed');
    expect(outcome.result.summary.endpoints[0]).toMatchObject({
      type: 'PrivateGateway',
      internet: null,
    });
  });

  it("shows the gateway's own domains when the service's endpoints say nothing", async () => {
    const cli = createWorld({
      endpoints: [{ stdout: { RequestId: 'r1', AccessToken: 't', Endpoints: [] } }],
      describe: [
        {
          stdout: {
            ...fixture('describe-service.ours-creating.json'),
            InternetEndpoint: '',
            IntranetEndpoint: '',
          },
        },
      ],
    });
    const outcome = await runDeployment(
      buildSpec({ network: { mode: 'gateway' } }),
      buildContext(cli).ctx,
    );
    if (outcome.result.result !== 'deployed') throw new Error('not deployed');
    expect(outcome.result.summary.endpoints).toEqual([
      {
        type: 'PrivateGateway',
        internet: 'http://gw-abc123.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen_demo',
        intranet: 'http://gw-abc123-vpc.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/qwen_demo',
        port: null,
      },
    ]);
  });

  it('stops when no VPC is linked to the gateway, saying how to link one', async () => {
    const cli = createWorld({
      linked: [{ stdout: fixture('list-gateway-intranet-linked-vpc.none.json') }],
    });
    const outcome = await runDeployment(
      buildSpec({ network: { mode: 'gateway' } }),
      buildContext(cli).ctx,
    );
    expect(outcome.result).toMatchObject({ result: 'blocked', step: 'network' });
    expect(JSON.stringify(outcome.result)).toContain('has no VPC linked to it');
  });

  it('stops when there is no dedicated gateway, with no workaround', async () => {
    const cli = createWorld({ gateways: [{ stdout: fixture('list-gateway.none.json') }] });
    const outcome = await runDeployment(
      buildSpec({ network: { mode: 'gateway' } }),
      buildContext(cli).ctx,
    );
    expect(outcome.result).toEqual({
      result: 'blocked',
      step: 'network',
      reason:
        'There is no dedicated gateway in cn-hangzhou. Create one in the PAI console, or use the shared gateway.',
    });
    expect(cli.callsOf('eas', 'create-service')).toEqual([]);
  });

  it('stops when the named gateway does not exist', async () => {
    const cli = createWorld();
    const outcome = await runDeployment(
      buildSpec({ network: { mode: 'gateway', gatewayId: 'gw-missing1' } }),
      buildContext(cli).ctx,
    );
    expect(outcome.result).toMatchObject({
      result: 'blocked',
      reason: 'The dedicated gateway gw-missing1 does not exist in cn-hangzhou.',
    });
  });

  it('looks for a security group in the linked VPC when the link names none, and stops when there is none', async () => {
    const linked = fixture('list-gateway-intranet-linked-vpc.main.json') as {
      IntranetLinkedVpcList: Record<string, string>[];
    };
    const noGroup = {
      ...linked,
      IntranetLinkedVpcList: linked.IntranetLinkedVpcList.map((l) => ({
        ...l,
        SecurityGroupId: '',
      })),
    };
    const cli = createWorld({
      linked: [{ stdout: noGroup }],
      groups: [{ stdout: fixture('describe-security-groups.none.json') }],
    });
    const outcome = await runDeployment(
      buildSpec({ network: { mode: 'gateway' } }),
      buildContext(cli).ctx,
    );
    expect(outcome.result).toMatchObject({
      result: 'blocked',
      step: 'network',
      reason: 'There is no security group in vpc-main1 (cn-hangzhou). Create one first.',
    });
  });

  it('discovers the VPC, two vswitches in different zones and a security group for the system NLB', async () => {
    const cli = createWorld({
      endpoints: [{ stdout: fixture('describe-service-endpoints.nlb.json') }],
    });
    const outcome = await runDeployment(
      buildSpec({ network: { mode: 'nlb' } }),
      buildContext(cli).ctx,
    );
    expect(createdBody(cli)).toMatchObject({
      cloud: {
        networking: {
          vpc_id: 'vpc-main1',
          vswitch_id: 'vsw-a1,vsw-b1',
          security_group_id: 'sg-main1',
        },
      },
      networking: { nlb: [{ id: 'default', listener_port: 8000, netType: 'intranet' }] },
    });
    if (outcome.result.result !== 'deployed') throw new Error('not deployed');
    expect(outcome.result.summary.endpoints).toEqual([
      {
        type: 'Nlb',
        internet: null,
        intranet: 'nlb-sys1.cn-hangzhou.nlb.aliyuncs.com',
        port: 8000,
      },
    ]);
    expect(outcome.result.summary.curlExamples[0]).toContain(
      'http://nlb-sys1.cn-hangzhou.nlb.aliyuncs.com:8000/api/predict/qwen_demo/v1/chat/completions',
    );
  });

  it('takes the VPC and vswitches of an existing NLB', async () => {
    const cli = createWorld();
    await runDeployment(
      buildSpec({ network: { mode: 'nlb', nlbId: 'nlb-xyz1' } }),
      buildContext(cli).ctx,
    );
    expect(ops(cli.calls)).toContain('nlb ListLoadBalancers');
    expect(ops(cli.calls)).not.toContain('vpc DescribeVpcs');
    expect(createdBody(cli)).toMatchObject({ networking: { nlb: [{ id: 'nlb-xyz1' }] } });
  });

  it('stops when the NLB does not exist', async () => {
    const cli = createWorld();
    const outcome = await runDeployment(
      buildSpec({ network: { mode: 'nlb', nlbId: 'nlb-gone1' } }),
      buildContext(cli).ctx,
    );
    expect(outcome.result).toMatchObject({
      result: 'blocked',
      step: 'network',
      reason: 'The NLB nlb-gone1 does not exist in cn-hangzhou.',
    });
  });

  it('stops when the VPC has vswitches in only one zone', async () => {
    const cli = createWorld({
      vswitches: [{ stdout: fixture('describe-vswitches.one-zone.json') }],
    });
    const outcome = await runDeployment(
      buildSpec({ network: { mode: 'nlb' } }),
      buildContext(cli).ctx,
    );
    expect(outcome.result).toMatchObject({ result: 'blocked', step: 'network' });
    expect(JSON.stringify(outcome.result)).toContain('at least two vswitches in different zones');
  });

  it('stops when given vswitches share one zone', async () => {
    const cli = createWorld();
    const spec = buildSpec({
      network: { mode: 'nlb', vpcId: 'vpc-main1', vswitchIds: ['vsw-a1', 'vsw-a2'] },
    });
    const outcome = await runDeployment(spec, buildContext(cli).ctx);
    expect(outcome.result).toMatchObject({ result: 'blocked', step: 'network' });
  });

  it('deploys into a ready dedicated resource group with metadata.resource and no cloud block', async () => {
    const cli = createWorld();
    await runDeployment(buildSpec({ resourceGroup: 'eas-r-ready1' }), buildContext(cli).ctx);
    expect(flagValue(cli.callsOf('eas', 'list-resources')[0] ?? [], '--resource-type')).toBe(
      'Dedicated',
    );
    const body = createdBody(cli);
    expect(body).toMatchObject({
      metadata: { resource: 'eas-r-ready1', cpu: 16, gpu: 1, memory: 61440 },
    });
    expect(body.cloud).toBeUndefined();
  });

  it('stops when the resource group is missing or not ready, with no fallback to the public pool', async () => {
    for (const [id, reason] of [
      [
        'eas-r-nothere',
        'The dedicated resource group eas-r-nothere does not exist in cn-hangzhou.',
      ],
      ['eas-r-busy1', 'The dedicated resource group eas-r-busy1 is not ready (Creating).'],
    ] as const) {
      const cli = createWorld();
      const outcome = await runDeployment(buildSpec({ resourceGroup: id }), buildContext(cli).ctx);
      expect(outcome.result).toEqual({ result: 'blocked', step: 'resource-group', reason });
      expect(cli.callsOf('eas', 'create-service')).toEqual([]);
    }
  });
});
