import { z } from 'zod';

/** Response schemas of the gateway, VPC, ECS and NLB lookups (docs/CLI-CALLS.md); loose like the rest. */

export const Gateway = z
  .object({
    GatewayId: z.string(),
    GatewayName: z.string().nullish(),
    Status: z.string().nullish(),
    IsDefault: z.boolean().nullish(),
  })
  .loose();
export const ListGatewayResponse = z.object({ Gateways: z.array(Gateway).nullish() }).loose();
export const DescribeGatewayResponse = z
  .object({
    GatewayId: z.string().nullish(),
    LoadBalancerList: z
      .array(
        z
          .object({ VpcId: z.string().nullish(), VSwitchIds: z.array(z.string()).nullish() })
          .loose(),
      )
      .nullish(),
  })
  .loose();

export const Vpc = z.object({ VpcId: z.string(), Status: z.string().nullish() }).loose();
export const DescribeVpcsResponse = z
  .object({
    Vpcs: z
      .object({ Vpc: z.array(Vpc).default([]) })
      .loose()
      .nullish(),
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
  })
  .loose();
export const SecurityGroup = z
  .object({ SecurityGroupId: z.string(), VpcId: z.string().nullish() })
  .loose();
export const DescribeSecurityGroupsResponse = z
  .object({
    SecurityGroups: z
      .object({ SecurityGroup: z.array(SecurityGroup).default([]) })
      .loose()
      .nullish(),
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
export const ListLoadBalancersResponse = z
  .object({ LoadBalancers: z.array(LoadBalancer).nullish() })
  .loose();
