import { z } from 'zod';

/** Response schemas of the gateway, VPC, ECS and NLB lookups (docs/CLI-CALLS.md); loose like the rest. */

const count = z.coerce.number().nullish();

export const Gateway = z
  .object({
    GatewayId: z.string(),
    GatewayName: z.string().nullish(),
    Status: z.string().nullish(),
    IsDefault: z.boolean().nullish(),
  })
  .loose();
export type Gateway = z.infer<typeof Gateway>;
export const ListGatewayResponse = z
  .object({ Gateways: z.array(Gateway).nullish(), TotalCount: count })
  .loose();

/** DescribeGateway: the gateway's own domains; it names no VPC (there is no LoadBalancerList). */
export const DescribeGatewayResponse = z
  .object({
    GatewayId: z.string().nullish(),
    Status: z.string().nullish(),
    InternetDomain: z.string().nullish(),
    IntranetDomain: z.string().nullish(),
    InternetEnabled: z.boolean().nullish(),
    IntranetEnabled: z.boolean().nullish(),
  })
  .loose();
export type DescribeGatewayResponse = z.infer<typeof DescribeGatewayResponse>;

/** ListGatewayIntranetLinkedVpc: the VPC, vSwitch and security group a gateway is reached through. */
export const LinkedVpc = z
  .object({
    VpcId: z.string(),
    VSwitchId: z.string(),
    SecurityGroupId: z.string().nullish(),
    Status: z.string().nullish(),
  })
  .loose();
export const ListGatewayLinkedVpcResponse = z
  .object({ IntranetLinkedVpcList: z.array(LinkedVpc).nullish() })
  .loose();

export const Vpc = z
  .object({ VpcId: z.string(), Status: z.string().nullish(), IsDefault: z.boolean().nullish() })
  .loose();
export type Vpc = z.infer<typeof Vpc>;
export const DescribeVpcsResponse = z
  .object({
    Vpcs: z
      .object({ Vpc: z.array(Vpc).default([]) })
      .loose()
      .nullish(),
    TotalCount: count,
  })
  .loose();
export const VSwitch = z
  .object({ VSwitchId: z.string(), VpcId: z.string().nullish(), ZoneId: z.string() })
  .loose();
export type VSwitch = z.infer<typeof VSwitch>;
export const DescribeVswitchesResponse = z
  .object({
    VSwitches: z
      .object({ VSwitch: z.array(VSwitch).default([]) })
      .loose()
      .nullish(),
    TotalCount: count,
  })
  .loose();
export const SecurityGroup = z
  .object({ SecurityGroupId: z.string(), VpcId: z.string().nullish() })
  .loose();
export type SecurityGroup = z.infer<typeof SecurityGroup>;
export const DescribeSecurityGroupsResponse = z
  .object({
    SecurityGroups: z
      .object({ SecurityGroup: z.array(SecurityGroup).default([]) })
      .loose()
      .nullish(),
    TotalCount: count,
  })
  .loose();
export const LoadBalancer = z
  .object({
    LoadBalancerId: z.string(),
    VpcId: z.string().nullish(),
    ZoneMappings: z
      .array(z.object({ VSwitchId: z.string(), ZoneId: z.string() }).loose())
      .nullish(),
  })
  .loose();
export type LoadBalancer = z.infer<typeof LoadBalancer>;
export const ListLoadBalancersResponse = z
  .object({ LoadBalancers: z.array(LoadBalancer).nullish(), NextToken: z.string().nullish() })
  .loose();
