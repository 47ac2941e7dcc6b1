import { z } from 'zod';

// One schema per kind of thing in a region, in the API's own field names: list answers print them as they are.

export const SimImageLabel = z.object({ Key: z.string(), Value: z.string() });

export const SimImage = z.object({
  ImageId: z.string(),
  Name: z.string(),
  ImageUri: z.string(),
  Description: z.string().default(''),
  Accessibility: z.enum(['PUBLIC', 'PRIVATE']).default('PUBLIC'),
  GmtCreateTime: z.string().default('2026-03-05T08:00:00Z'),
  GmtModifiedTime: z.string().default('2026-03-05T08:00:00Z'),
  Labels: z.array(SimImageLabel).default([]),
  Size: z.number().default(12),
  SourceType: z.string().default('Official'),
  WorkspaceId: z.string().default(''),
});

export const SimWorkspace = z.object({
  WorkspaceId: z.string(),
  WorkspaceName: z.string(),
  Status: z.string().default('ENABLED'),
  IsDefault: z.boolean().default(false),
  Creator: z.string().default('1234567890123456'),
  GmtCreateTime: z.string().default('2025-06-01T08:00:00Z'),
  GmtModifiedTime: z.string().default('2025-06-01T08:00:00Z'),
  resourceGroupId: z.string().default('rg-acfm2demo'),
});

export const SimInstanceSpec = z.object({
  InstanceType: z.string(),
  CPU: z.number().int(),
  Memory: z.number(),
  GPU: z.string().optional(),
  GPUAmount: z.number().int().default(0),
  GPUMemory: z.number().default(0),
  IsAvailable: z.boolean().default(true),
  StockStatus: z.enum(['WithStock', 'ClosedWithStock', 'NoStock']).default('WithStock'),
  Vendor: z.string().default('ECS'),
  SpotDiscount: z.number().default(0.1),
  NonProtectSpotDiscount: z.number().default(0.1),
});

export const SimResource = z.object({
  ResourceId: z.string(),
  ResourceName: z.string(),
  ResourceType: z.enum(['Dedicated', 'SelfManaged']).default('Dedicated'),
  Status: z.string().default('ResourceReady'),
  CpuCount: z.number().int().default(64),
  GpuCount: z.number().int().default(4),
  Memory: z.number().int().default(256000),
  InstanceCount: z.number().int().default(2),
  CreateTime: z.string().default('2025-09-01T08:00:00Z'),
});

/** One VPC a gateway is reached through (ListGatewayIntranetLinkedVpc's IntranetLinkedVpcList). */
export const SimLinkedVpc = z.object({
  VpcId: z.string(),
  VSwitchId: z.string(),
  /** Empty when the link names none. */
  SecurityGroupId: z.string().default(''),
  Ip: z.string().default('172.16.1.20'),
  Status: z.string().default('Running'),
});

export const SimGateway = z.object({
  GatewayId: z.string(),
  GatewayName: z.string(),
  InstanceType: z.string().default('2c4g'),
  ChargeType: z.string().default('PostPaid'),
  Status: z.string().default('Running'),
  InternetDomain: z.string(),
  IntranetDomain: z.string(),
  InternetEnabled: z.boolean().default(true),
  IntranetEnabled: z.boolean().default(true),
  IsDefault: z.boolean().default(false),
  Replicas: z.number().int().default(2),
  CreateTime: z.string().default('2025-10-01T08:00:00Z'),
  UpdateTime: z.string().default('2025-10-01T08:00:00Z'),
  /** Not printed by DescribeGateway: list-gateway-intranet-linked-vpc answers with it. */
  IntranetLinkedVpcList: z.array(SimLinkedVpc).default([]),
});

export const SimVpc = z.object({
  VpcId: z.string(),
  VpcName: z.string(),
  CidrBlock: z.string().default('172.16.0.0/12'),
  Status: z.string().default('Available'),
  IsDefault: z.boolean().default(false),
});

export const SimVSwitch = z.object({
  VSwitchId: z.string(),
  VpcId: z.string(),
  ZoneId: z.string(),
  CidrBlock: z.string(),
  Status: z.string().default('Available'),
});

export const SimSecurityGroup = z.object({
  SecurityGroupId: z.string(),
  SecurityGroupName: z.string(),
  VpcId: z.string(),
});

export const SimLoadBalancer = z.object({
  LoadBalancerId: z.string(),
  LoadBalancerName: z.string(),
  VpcId: z.string(),
  AddressType: z.enum(['Internet', 'Intranet']).default('Intranet'),
  LoadBalancerStatus: z.string().default('Active'),
  DNSName: z.string(),
  ZoneMappings: z.array(z.object({ VSwitchId: z.string(), ZoneId: z.string() })),
});

/** A service that exists before the first call (always Running unless `status` says otherwise). */
export const SimExistingService = z.object({
  name: z.string(),
  image: z.string(),
  instanceType: z.string().default('ecs.gn7i-c16g1.4xlarge'),
  status: z.string().default('Running'),
  labels: z.record(z.string(), z.string()).default({}),
  workspaceId: z.string().optional(),
});

export type SimImage = z.infer<typeof SimImage>;
export type SimInstanceSpec = z.infer<typeof SimInstanceSpec>;
export type SimGateway = z.infer<typeof SimGateway>;
