// biome-ignore-all format: one parameter list per line reads like the meta's
import type { OpEntry } from './op-table.js';
import * as net from './ops/network-ops.js';

/**
 * The built-in PascalCase APIs the simulator answers (RPC, no plugin), by "<product> <Api>";
 * parameters from aliyun-openapi-meta `metadatas/{vpc,ecs,nlb}/*.json` at the CLI's pin.
 */
export const BUILTIN_OPS: Readonly<Record<string, OpEntry>> = {
  'vpc DescribeVpcs': {
    handler: net.describeVpcs,
    flags: ['RegionId', 'VpcId', 'VpcName', 'IsDefault', 'PageNumber', 'PageSize', 'ResourceGroupId', 'VpcOwnerId', 'DryRun', 'DhcpOptionsSetId', 'EnableIpv6'],
    required: ['RegionId'],
    path: '/?Action=DescribeVpcs',
  },
  'vpc DescribeVSwitches': {
    handler: net.describeVSwitches,
    flags: ['RegionId', 'VpcId', 'VSwitchId', 'VSwitchName', 'ZoneId', 'IsDefault', 'PageNumber', 'PageSize', 'ResourceGroupId', 'RouteTableId', 'DryRun', 'EnableIpv6', 'VSwitchOwnerId'],
    required: [],
    path: '/?Action=DescribeVSwitches',
  },
  'ecs DescribeSecurityGroups': {
    handler: net.describeSecurityGroups,
    flags: ['RegionId', 'VpcId', 'SecurityGroupId', 'SecurityGroupIds', 'SecurityGroupName', 'SecurityGroupType', 'PageNumber', 'PageSize', 'MaxResults', 'NextToken', 'NetworkType', 'ResourceGroupId', 'FuzzyQuery', 'IsQueryEcsCount', 'ServiceManaged', 'DryRun'],
    required: ['RegionId'],
    path: '/?Action=DescribeSecurityGroups',
  },
  'nlb ListLoadBalancers': {
    handler: net.listLoadBalancers,
    flags: ['RegionId', 'MaxResults', 'NextToken', 'LoadBalancerIds', 'LoadBalancerNames', 'VpcIds', 'ZoneId', 'AddressType', 'AddressIpVersion', 'Ipv6AddressType', 'LoadBalancerStatus', 'LoadBalancerBusinessStatus', 'LoadBalancerType', 'DNSName', 'ResourceGroupId'],
    required: [],
    path: '/?Action=ListLoadBalancers',
  },
};

/** The built-in products the host knows (their OpenAPI code, for the Recommend link). */
export const BUILTIN_PRODUCTS: Readonly<Record<string, string>> = {
  vpc: 'Vpc',
  ecs: 'Ecs',
  nlb: 'Nlb',
  eas: 'eas',
  aiworkspace: 'AIWorkSpace',
};
