import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, createSim, HZ } from './support/run-sim.js';

type Sim = Awaited<ReturnType<typeof createSim>>;
let sim: Sim;
beforeAll(async () => {
  sim = await createSim();
});
afterAll(() => sim.cleanup());

describe('aliyun-sim read operations (demo world)', () => {
  it('lists workspaces: cn-hangzhou has exactly one ENABLED, cn-shanghai two, ap-southeast-1 none', async () => {
    const enabled = async (region: string) => {
      const { json } = await sim.run([
        'aiworkspace',
        'list-workspaces',
        '--region',
        region,
        '--page-size',
        '100',
      ]);
      const list = json.Workspaces as { Status: string; WorkspaceId: string }[];
      return list.filter((w) => w.Status === 'ENABLED').length;
    };
    expect(await enabled('cn-hangzhou')).toBe(1);
    expect(await enabled('cn-shanghai')).toBe(2);
    expect(await enabled('ap-southeast-1')).toBe(0);
  });

  it('filters official EAS images by labels and name, with labels only when verbose', async () => {
    const labels = ['--labels', 'system.official=true,system.supported.eas=true'];
    const verbose = await sim.run([
      'aiworkspace',
      'list-images',
      ...HZ,
      '--verbose',
      'true',
      ...labels,
      '--name',
      'vllm',
      '--page-size',
      '50',
    ]);
    const images = verbose.json.Images as {
      Name: string;
      ImageUri: string;
      Labels: { Key: string }[];
    }[];
    expect(images.length).toBeGreaterThanOrEqual(3);
    expect(images.every((i) => i.Name.includes('vllm'))).toBe(true);
    expect(images[0]?.ImageUri).toMatch(
      /^eas-registry-vpc\.cn-hangzhou\.cr\.aliyuncs\.com\/pai-eas\/vllm:/,
    );
    expect(images[0]?.Labels.map((l) => l.Key)).toContain('system.eas.default.script');
    const plain = await sim.run(['aiworkspace', 'list-images', ...HZ, ...labels]);
    expect((plain.json.Images as object[])[0]).not.toHaveProperty('Labels');
  });

  it('pages list-images and reports the total', async () => {
    const page = (n: number) =>
      sim.run([
        'aiworkspace',
        'list-images',
        ...HZ,
        '--page-size',
        '5',
        '--page-number',
        String(n),
      ]);
    const [one, three] = await Promise.all([page(1), page(3)]);
    expect((one.json.Images as object[]).length).toBe(5);
    expect(one.json.TotalCount).toBe(14);
    expect((three.json.Images as object[]).length).toBe(4);
  });

  it('gets one image flat, and answers 404 for an unknown id', async () => {
    const list = await sim.run(['aiworkspace', 'list-images', ...HZ, '--name', 'comfyui']);
    const id = (list.json.Images as { ImageId: string }[])[0]?.ImageId ?? '';
    const got = await sim.run([
      'aiworkspace',
      'get-image',
      ...HZ,
      '--image-id',
      id,
      '--verbose',
      'true',
    ]);
    expect(got.json).toMatchObject({ ImageId: id, Name: 'comfyui:2.2-api' });
    const missing = await sim.run(['aiworkspace', 'get-image', ...HZ, '--image-id', 'image-nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('StatusCode: 404');
  });

  it('describes machine specs with GPU model strings, stock and availability', async () => {
    const { json } = await sim.run(['eas', 'describe-machine-spec', ...HZ]);
    const metas = json.InstanceMetas as {
      InstanceType: string;
      GPU?: string;
      GPUAmount: number;
      IsAvailable: boolean;
      StockStatus: string;
    }[];
    expect(metas.find((m) => m.InstanceType === 'ecs.gn6i-c4g1.xlarge')).toMatchObject({
      GPU: 'T4',
      GPUAmount: 1,
    });
    expect(metas.find((m) => m.InstanceType === 'ecs.gn7i-c16g1.4xlarge')?.GPU).toBe('A10');
    expect(metas.some((m) => m.StockStatus === 'NoStock')).toBe(true);
    expect(metas.some((m) => !m.IsAvailable)).toBe(true);
    expect(metas.find((m) => m.InstanceType === 'ecs.c6.4xlarge')?.GPUAmount).toBe(0);
    expect(json.Types).toBeInstanceOf(Array);
    const one = await sim.run([
      'eas',
      'describe-machine-spec',
      ...HZ,
      '--instance-types',
      'ecs.r7.xlarge',
    ]);
    expect(
      (one.json.InstanceMetas as { InstanceType: string }[]).map((m) => m.InstanceType),
    ).toEqual(['ecs.r7.xlarge']);
  });

  it('lists a ready resource group, and a gateway whose VPC comes from its linked-VPC list, not DescribeGateway', async () => {
    const res = await sim.run(['eas', 'list-resources', ...HZ, '--resource-type', 'Dedicated']);
    expect(res.json.Resources).toEqual([
      expect.objectContaining({ ResourceType: 'Dedicated', Status: 'ResourceReady' }),
    ]);
    const gws = await sim.run(['eas', 'list-gateway', ...HZ]);
    const gw = (gws.json.Gateways as { GatewayId: string }[])[0]?.GatewayId ?? '';
    const one = [...HZ, '--cluster-id', 'cn-hangzhou', '--gateway-id', gw];
    const detail = await sim.run(['eas', 'describe-gateway', ...one]);
    expect(detail.json).toMatchObject({ GatewayId: gw, InternetDomain: expect.any(String) });
    expect(detail.json).not.toHaveProperty('LoadBalancerList');
    expect(detail.json).not.toHaveProperty('IntranetLinkedVpcList');
    const linked = await sim.run(['eas', 'list-gateway-intranet-linked-vpc', ...one]);
    expect(linked.json.IntranetLinkedVpcList).toEqual([
      expect.objectContaining({
        VpcId: 'vpc-bp1demo01',
        VSwitchId: 'vsw-bp1zonea01',
        SecurityGroupId: 'sg-bp1demo01',
        Status: 'Running',
      }),
    ]);
    const missing = await sim.run([
      'eas',
      'describe-gateway',
      ...HZ,
      '--cluster-id',
      'cn-hangzhou',
      '--gateway-id',
      'gw-nope',
    ]);
    expect(missing.stderr).toContain('Code: InvalidGateway.NotFound');
  });

  it('answers the built-in VPC, vSwitch, security group and NLB calls in their two-level shapes', async () => {
    const rpc = ['--region', 'cn-hangzhou', '--RegionId', 'cn-hangzhou'];
    const vpcs = await sim.run(['vpc', 'DescribeVpcs', ...rpc]);
    expect(vpcs.json).toMatchObject({ PageNumber: 1, PageSize: 10, TotalCount: 1 });
    expect((vpcs.json.Vpcs as { Vpc: unknown[] }).Vpc).toHaveLength(1);
    const vsw = await sim.run(['vpc', 'DescribeVSwitches', ...rpc, '--VpcId', 'vpc-bp1demo01']);
    const zones = (vsw.json.VSwitches as { VSwitch: { ZoneId: string }[] }).VSwitch.map(
      (v) => v.ZoneId,
    );
    expect(new Set(zones).size).toBe(2);
    const sgs = await sim.run([
      'ecs',
      'DescribeSecurityGroups',
      ...rpc,
      '--VpcId',
      'vpc-bp1demo01',
    ]);
    expect((sgs.json.SecurityGroups as { SecurityGroup: unknown[] }).SecurityGroup).toHaveLength(1);
    const nlbs = await sim.run(['nlb', 'ListLoadBalancers', ...rpc]);
    expect(nlbs.json.LoadBalancers).toEqual([
      expect.objectContaining({ DNSName: expect.stringContaining('nlb.aliyuncsslb.com') }),
    ]);
  });

  it('pages DescribeVpcs by 10 unless asked for up to 50, and ListLoadBalancers by NextToken', async () => {
    const many = await createSim({
      world: buildWorld({
        regions: {
          'cn-hangzhou': {
            vpcs: Array.from({ length: 23 }, (_, i) => ({
              VpcId: `vpc-many${i}`,
              VpcName: `v${i}`,
            })),
            loadBalancers: Array.from({ length: 3 }, (_, i) => ({
              LoadBalancerId: `nlb-many${i}`,
              LoadBalancerName: `n${i}`,
              VpcId: 'vpc-many0',
              DNSName: `nlb-many${i}.example`,
              ZoneMappings: [],
            })),
          },
        },
      }),
    });
    try {
      const rpc = ['--RegionId', 'cn-hangzhou'];
      const first = await many.run(['vpc', 'DescribeVpcs', ...rpc]);
      expect((first.json.Vpcs as { Vpc: unknown[] }).Vpc).toHaveLength(10);
      const third = await many.run(['vpc', 'DescribeVpcs', ...rpc, '--PageNumber', '3']);
      expect((third.json.Vpcs as { Vpc: unknown[] }).Vpc).toHaveLength(3);
      const tooBig = await many.run(['vpc', 'DescribeVpcs', ...rpc, '--PageSize', '100'], {
        NO_COLOR: '1',
      });
      expect(tooBig.code).toBe(1);
      expect(tooBig.stderr).toContain('ErrorCode: InvalidParameter');
      const page1 = await many.run(['nlb', 'ListLoadBalancers', ...rpc, '--MaxResults', '2']);
      expect(page1.json.LoadBalancers).toHaveLength(2);
      const token = String(page1.json.NextToken);
      const page2 = await many.run([
        'nlb',
        'ListLoadBalancers',
        ...rpc,
        '--MaxResults',
        '2',
        '--NextToken',
        token,
      ]);
      expect(page2.json).toMatchObject({
        NextToken: '',
        LoadBalancers: [expect.objectContaining({ LoadBalancerId: 'nlb-many2' })],
      });
    } finally {
      await many.cleanup();
    }
  });
});
