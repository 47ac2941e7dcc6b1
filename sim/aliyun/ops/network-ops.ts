import { type OpContext, paginate, RPC_PAGE, regionOf } from '../op-context.js';
import { jsonResult, type SimResult, serverError } from '../sim-result.js';

/**
 * The built-in PascalCase VPC, ECS and NLB calls, paged as the APIs page (aliyun-cli-facts.md,
 * fact 15; aliyun-openapi-meta `metadatas/{vpc,ecs,nlb}/*.json`): PageNumber/PageSize with a
 * default of 10 and at most 50, or NLB's MaxResults (default 20, at most 100) and NextToken.
 */

const MAX_PAGE_SIZE = 50;

/** A PageSize above the API's limit is refused, as the API refuses it. */
function checkPageSize(ctx: OpContext, flag: string, max: number): SimResult | undefined {
  const size = ctx.flags[flag];
  if (size === undefined || (Number(size) >= 1 && Number(size) <= max)) return undefined;
  return serverError(400, `InvalidParameter`, `The specified parameter ${flag} is not valid.`);
}

/** A PageNumber/PageSize answer in the shape these APIs print: `{<Plural>: {<Singular>: [...]}}`. */
function rpcList<T>(ctx: OpContext, items: readonly T[], plural: string, singular: string) {
  const bad = checkPageSize(ctx, 'PageSize', MAX_PAGE_SIZE);
  if (bad) return bad;
  const { page, ...paging } = paginate(items, ctx.flags, 10, RPC_PAGE);
  return jsonResult({ ...paging, [plural]: { [singular]: page } });
}

/** vpc DescribeVpcs --RegionId R [--VpcId V] [--IsDefault true] */
export function describeVpcs(ctx: OpContext): SimResult {
  const { VpcId: id, IsDefault: isDefault } = ctx.flags;
  const vpcs = regionOf(ctx).vpcs.filter(
    (v) =>
      (!id || v.VpcId === id) && (isDefault === undefined || String(v.IsDefault) === isDefault),
  );
  return rpcList(ctx, vpcs, 'Vpcs', 'Vpc');
}

/** vpc DescribeVSwitches --RegionId R [--VpcId V] [--ZoneId Z] */
export function describeVSwitches(ctx: OpContext): SimResult {
  const { VpcId: vpcId, ZoneId: zoneId } = ctx.flags;
  const list = regionOf(ctx).vswitches.filter(
    (v) => (!vpcId || v.VpcId === vpcId) && (!zoneId || v.ZoneId === zoneId),
  );
  return rpcList(ctx, list, 'VSwitches', 'VSwitch');
}

/** ecs DescribeSecurityGroups --RegionId R [--VpcId V] [--SecurityGroupId G] */
export function describeSecurityGroups(ctx: OpContext): SimResult {
  const { VpcId: vpcId, SecurityGroupId: id } = ctx.flags;
  const list = regionOf(ctx).securityGroups.filter(
    (g) => (!vpcId || g.VpcId === vpcId) && (!id || g.SecurityGroupId === id),
  );
  return rpcList(ctx, list, 'SecurityGroups', 'SecurityGroup');
}

/** nlb ListLoadBalancers --RegionId R [--MaxResults N] [--NextToken T]: the token is the next offset. */
export function listLoadBalancers(ctx: OpContext): SimResult {
  const bad = checkPageSize(ctx, 'MaxResults', 100);
  if (bad) return bad;
  const list = regionOf(ctx).loadBalancers;
  const size = Number(ctx.flags.MaxResults ?? 20);
  const token = ctx.flags.NextToken;
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString()) || -1;
  if (start < 0)
    return serverError(400, 'IllegalParam.NextToken', 'The param NextToken is illegal.');
  const end = start + size;
  const next = end < list.length ? Buffer.from(String(end)).toString('base64url') : '';
  return jsonResult({
    TotalCount: list.length,
    MaxResults: size,
    NextToken: next,
    LoadBalancers: list.slice(start, end),
  });
}
