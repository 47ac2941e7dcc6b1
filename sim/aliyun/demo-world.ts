import { buildOfficialImages } from './demo-images.js';
import type { SimWorldInput } from './world-schema.js';

const ACCOUNT = '1234567890123456';

const GPU_SPECS = [
  {
    InstanceType: 'ecs.gn6i-c4g1.xlarge',
    CPU: 4,
    Memory: 15,
    GPU: 'T4',
    GPUAmount: 1,
    GPUMemory: 16,
  },
  {
    InstanceType: 'ecs.gn7i-c16g1.4xlarge',
    CPU: 16,
    Memory: 60,
    GPU: 'A10',
    GPUAmount: 1,
    GPUMemory: 24,
  },
  {
    InstanceType: 'ecs.gn7i-c32g1.8xlarge',
    CPU: 32,
    Memory: 188,
    GPU: 'A10',
    GPUAmount: 1,
    GPUMemory: 24,
  },
  {
    InstanceType: 'ml.gu7i.c32m188.1-gu30',
    CPU: 32,
    Memory: 188,
    GPU: 'GU30',
    GPUAmount: 1,
    GPUMemory: 24,
  },
  {
    InstanceType: 'ecs.gn7-c12g1.3xlarge',
    CPU: 12,
    Memory: 94,
    GPU: 'A100',
    GPUAmount: 1,
    GPUMemory: 80,
    StockStatus: 'NoStock' as const,
  },
  {
    InstanceType: 'ecs.gn6v-c8g1.2xlarge',
    CPU: 8,
    Memory: 32,
    GPU: 'V100',
    GPUAmount: 1,
    GPUMemory: 16,
    IsAvailable: false,
  },
];
const CPU_SPECS = [
  { InstanceType: 'ecs.c6.4xlarge', CPU: 16, Memory: 32 },
  { InstanceType: 'ecs.r7.xlarge', CPU: 4, Memory: 32 },
];

/** The network of one region: a VPC with vswitches in two zones, a security group and an NLB. */
function buildNetwork(region: string, tag: string) {
  const vpc = `vpc-${tag}demo01`;
  const [zoneA, zoneB] = [`${region}-h`, `${region}-i`];
  const [vswA, vswB] = [`vsw-${tag}zonea01`, `vsw-${tag}zoneb01`];
  return {
    vpcs: [{ VpcId: vpc, VpcName: 'eas-demo-vpc', CidrBlock: '172.16.0.0/12', IsDefault: true }],
    vswitches: [
      { VSwitchId: vswA, VpcId: vpc, ZoneId: zoneA, CidrBlock: '172.16.1.0/24' },
      { VSwitchId: vswB, VpcId: vpc, ZoneId: zoneB, CidrBlock: '172.16.2.0/24' },
    ],
    securityGroups: [
      { SecurityGroupId: `sg-${tag}demo01`, SecurityGroupName: 'eas-demo-sg', VpcId: vpc },
    ],
    loadBalancers: [
      {
        LoadBalancerId: `nlb-${tag}demo01`,
        LoadBalancerName: 'eas-demo-nlb',
        VpcId: vpc,
        DNSName: `nlb-${tag}demo01.${region}.nlb.aliyuncsslb.com`,
        ZoneMappings: [
          { VSwitchId: vswA, ZoneId: zoneA },
          { VSwitchId: vswB, ZoneId: zoneB },
        ],
      },
    ],
    gateways: [
      {
        GatewayId: `gw-${tag}demo01`,
        GatewayName: 'eas-demo-gateway',
        InternetDomain: `gw-${tag}demo01-${ACCOUNT}.${region}.pai-eas.aliyuncs.com`,
        IntranetDomain: `gw-${tag}demo01-${ACCOUNT}-vpc.${region}.pai-eas.aliyuncs.com`,
        IntranetLinkedVpcList: [
          { VpcId: vpc, VSwitchId: vswA, SecurityGroupId: `sg-${tag}demo01` },
        ],
      },
    ],
  };
}

/** One region of the demo account: the official images, GPU and CPU types, and a VPC network. */
export function buildRegion(region: string, tag: string) {
  return {
    images: buildOfficialImages(region),
    instanceSpecs: [...GPU_SPECS, ...CPU_SPECS],
    ...buildNetwork(region, tag),
  };
}

/** The built-in world: a realistic account in four regions, used when ALIYUN_SIM_WORLD is unset. */
export function buildDemoWorld(): SimWorldInput {
  const vllm = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu';
  return {
    accountId: ACCOUNT,
    lifecycle: { creatingMs: 3000, waitingMs: 5000, invisibleMs: 0 },
    regions: {
      'cn-hangzhou': {
        ...buildRegion('cn-hangzhou', 'bp1'),
        workspaces: [
          { WorkspaceId: '86231', WorkspaceName: 'llm_team', IsDefault: true },
          { WorkspaceId: '86232', WorkspaceName: 'archived_ws', Status: 'DISABLED' },
        ],
        resources: [{ ResourceId: 'eas-r-hzdedicated01', ResourceName: 'llm-dedicated' }],
        services: [
          { name: 'qwen_chat_prod', image: vllm, labels: { team: 'llm' } },
          {
            name: 'sd_webui_demo',
            image: vllm.replace('vllm:0.14.0-gpu', 'stable-diffusion-webui:4.2'),
          },
        ],
      },
      'cn-shanghai': {
        ...buildRegion('cn-shanghai', 'uf6'),
        workspaces: [
          { WorkspaceId: '91001', WorkspaceName: 'research', IsDefault: true },
          { WorkspaceId: '91002', WorkspaceName: 'production' },
        ],
        services: [
          {
            name: 'cosyvoice_tts',
            image: 'eas-registry-vpc.cn-shanghai.cr.aliyuncs.com/pai-eas/cosyvoice:3.0.6-gpu',
          },
        ],
      },
      'cn-beijing': {
        ...buildRegion('cn-beijing', '2ze'),
        workspaces: [{ WorkspaceId: '70011', WorkspaceName: 'bj_default', IsDefault: true }],
      },
      'ap-southeast-1': { ...buildRegion('ap-southeast-1', 't4n'), workspaces: [] },
    },
  };
}

/** The built-in world with services visible and Running at once: tests and the bench time the bot, not the cloud's pace. */
export function buildInstantWorld(): SimWorldInput {
  return { ...buildDemoWorld(), lifecycle: { creatingMs: 0, waitingMs: 0, invisibleMs: 0 } };
}
