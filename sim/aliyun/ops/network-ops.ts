import { type OpContext, regionOf } from '../op-context.js';
import { jsonResult, type SimResult } from '../sim-result.js';

/** vpc describe-vpcs --biz-region-id R */
export function describeVpcs(ctx: OpContext): SimResult {
  const vpcs = regionOf(ctx).vpcs;
  return jsonResult({ TotalCount: vpcs.length, PageNumber: 1, PageSize: 10, Vpcs: { Vpc: vpcs } });
}

/** vpc describe-vswitches --biz-region-id R [--vpc-id V] */
export function describeVSwitches(ctx: OpContext): SimResult {
  const vpcId = ctx.flags['vpc-id'];
  const list = regionOf(ctx).vswitches.filter((v) => !vpcId || v.VpcId === vpcId);
  return jsonResult({
    TotalCount: list.length,
    PageNumber: 1,
    PageSize: 10,
    VSwitches: { VSwitch: list },
  });
}

/** ecs describe-security-groups --biz-region-id R [--vpc-id V] */
export function describeSecurityGroups(ctx: OpContext): SimResult {
  const vpcId = ctx.flags['vpc-id'];
  const list = regionOf(ctx).securityGroups.filter((g) => !vpcId || g.VpcId === vpcId);
  return jsonResult({
    TotalCount: list.length,
    PageNumber: 1,
    PageSize: 10,
    SecurityGroups: { SecurityGroup: list },
  });
}

/** nlb list-load-balancers --biz-region-id R */
export function listLoadBalancers(ctx: OpContext): SimResult {
  const list = regionOf(ctx).loadBalancers;
  return jsonResult({ TotalCount: list.length, MaxResults: 20, LoadBalancers: list });
}
