import { buildDemoWorld } from '../../sim/aliyun/demo-world.js';
import type { SimWorldInput } from '../../sim/aliyun/world-schema.js';

/**
 * The demo world with a crowded cn-hangzhou: 100 VPCs come before the region's default one (page 3
 * at 50 a page), 60 vSwitches of another VPC and the default VPC's second zone on page 2 of its
 * own, and a dedicated gateway that names its VPC only through its linked-VPC list.
 */
export function buildPagedWorld(): SimWorldInput {
  const world = buildDemoWorld();
  const region = 'cn-hangzhou';
  const hz = world.regions[region] ?? {};
  const vpc = 'vpc-bp1page3';
  const fillerVpcs = Array.from({ length: 100 }, (_, i) => ({
    VpcId: `vpc-bp1filler${String(i).padStart(3, '0')}`,
    VpcName: `filler-${i}`,
  }));
  const zoneA = Array.from({ length: 55 }, (_, i) => ({
    VSwitchId: `vsw-bp1a${String(i).padStart(3, '0')}`,
    VpcId: vpc,
    ZoneId: `${region}-h`,
    CidrBlock: `172.16.${i}.0/24`,
  }));
  const zoneB = {
    VSwitchId: 'vsw-bp1b001',
    VpcId: vpc,
    ZoneId: `${region}-i`,
    CidrBlock: '172.17.0.0/24',
  };
  return {
    ...world,
    regions: {
      ...world.regions,
      [region]: {
        ...hz,
        vpcs: [...fillerVpcs, { VpcId: vpc, VpcName: 'default', IsDefault: true }],
        vswitches: [...zoneA, zoneB],
        securityGroups: [
          { SecurityGroupId: 'sg-bp1page3', SecurityGroupName: 'default', VpcId: vpc },
        ],
        loadBalancers: [],
        gateways: [
          {
            GatewayId: 'gw-bp1page3',
            GatewayName: 'team-gateway',
            InternetDomain: `gw-bp1page3.${region}.pai-eas.aliyuncs.com`,
            IntranetDomain: `gw-bp1page3-vpc.${region}.pai-eas.aliyuncs.com`,
            IntranetLinkedVpcList: [
              { VpcId: vpc, VSwitchId: 'vsw-bp1b001', SecurityGroupId: 'sg-bp1page3' },
            ],
          },
        ],
      },
    },
  };
}
