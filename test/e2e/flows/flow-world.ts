import { buildOfficialImages } from '../../../sim/aliyun/demo-images.js';
import { buildDemoWorld } from '../../../sim/aliyun/demo-world.js';
import type { SimWorldInput } from '../../../sim/aliyun/world-schema.js';

/**
 * The demo account plus regions that each lack one thing, so one stack can play every stop
 * condition: `cn-nonet` has no gateway, NLB, vswitch, security group or resource group;
 * `cn-onezone` has vswitches in one zone only; `cn-nosg` has a gateway and VPC but no security group.
 */
export function buildFlowWorld(): SimWorldInput {
  const demo = buildDemoWorld();
  const specs = demo.regions['cn-hangzhou']?.instanceSpecs ?? [];
  const bare = (region: string) => ({
    images: buildOfficialImages(region),
    instanceSpecs: specs,
    workspaces: [],
  });
  const vpc = { VpcId: 'vpc-onezone01', VpcName: 'one-zone-vpc' };
  return {
    ...demo,
    lifecycle: { creatingMs: 0, waitingMs: 0, invisibleMs: 0 },
    regions: {
      ...demo.regions,
      'cn-nonet': bare('cn-nonet'),
      'cn-onezone': {
        ...bare('cn-onezone'),
        vpcs: [vpc],
        vswitches: [
          {
            VSwitchId: 'vsw-onea',
            VpcId: vpc.VpcId,
            ZoneId: 'cn-onezone-a',
            CidrBlock: '10.0.1.0/24',
          },
          {
            VSwitchId: 'vsw-oneb',
            VpcId: vpc.VpcId,
            ZoneId: 'cn-onezone-a',
            CidrBlock: '10.0.2.0/24',
          },
        ],
        securityGroups: [
          { SecurityGroupId: 'sg-onezone01', SecurityGroupName: 'one-zone-sg', VpcId: vpc.VpcId },
        ],
      },
      'cn-nosg': {
        ...bare('cn-nosg'),
        vpcs: [vpc],
        vswitches: [
          {
            VSwitchId: 'vsw-nosga',
            VpcId: vpc.VpcId,
            ZoneId: 'cn-nosg-a',
            CidrBlock: '10.0.1.0/24',
          },
          {
            VSwitchId: 'vsw-nosgb',
            VpcId: vpc.VpcId,
            ZoneId: 'cn-nosg-b',
            CidrBlock: '10.0.2.0/24',
          },
        ],
        gateways: [
          {
            GatewayId: 'gw-nosg01',
            GatewayName: 'no-sg-gateway',
            InternetDomain: 'gw-nosg01.cn-nosg.pai-eas.aliyuncs.com',
            IntranetDomain: 'gw-nosg01-vpc.cn-nosg.pai-eas.aliyuncs.com',
            IntranetLinkedVpcList: [{ VpcId: vpc.VpcId, VSwitchId: 'vsw-nosga' }],
          },
        ],
      },
    },
  };
}

/** The official vLLM image URI of a region of this world. */
export const vllmImage = (region: string): string =>
  `eas-registry-vpc.${region}.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu`;
