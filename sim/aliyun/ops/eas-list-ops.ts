import { type OpContext, paginate, parseLabelPairs, regionOf } from '../op-context.js';
import { isServiceVisible } from '../service-lifecycle.js';
import { showService } from '../service-view.js';
import { invalidParameter, jsonResult, type SimResult, serverError } from '../sim-result.js';
import type { SimGateway } from '../world-schema.js';

/** eas list-services: `--service-name` exact, `--filter` fuzzy, `--label k=v[,k=v]`, paging. */
export function listServices(ctx: OpContext): SimResult {
  const label = parseLabelPairs(ctx.flags.label);
  if (!label) return invalidParameter('Label must be key=value pairs separated by commas');
  const { 'service-name': exact, filter } = ctx.flags;
  const matching = ctx.state.services.filter(
    (s) =>
      s.region === ctx.region &&
      // A new service shows up in lists only once it is visible (world lifecycle.invisibleMs).
      isServiceVisible(s, ctx.state.world, ctx.now) &&
      (!exact || s.name === exact) &&
      (!filter || s.name.includes(filter)) &&
      Object.entries(label).every(([k, v]) => s.labels[k] === v),
  );
  const { page, ...paging } = paginate(matching, ctx.flags, 100);
  const services = page.map((s) => {
    // ListServices does not carry the token or the endpoints; only DescribeService does.
    const {
      AccessToken: _t,
      InternetEndpoint: _i,
      IntranetEndpoint: _n,
      ...rest
    } = showService(s, ctx.state.world, ctx.now);
    return rest;
  });
  return jsonResult({ ...paging, Services: services });
}

/** eas describe-machine-spec [--instance-types a,b] */
export function describeMachineSpec(ctx: OpContext): SimResult {
  const wanted = ctx.flags['instance-types']?.split(',');
  const metas = regionOf(ctx).instanceSpecs.filter(
    (m) => !wanted || wanted.includes(m.InstanceType),
  );
  const types = [...new Set(metas.map((m) => m.CPU))].map((cpu) => ({
    CPU: cpu,
    Memory: metas.filter((m) => m.CPU === cpu).map((m) => m.Memory),
  }));
  return jsonResult({ InstanceMetas: metas, Types: types });
}

/** eas list-resources [--resource-type Dedicated] */
export function listResources(ctx: OpContext): SimResult {
  const type = ctx.flags['resource-type'];
  const list = regionOf(ctx).resources.filter((r) => !type || r.ResourceType === type);
  const { page, ...paging } = paginate(list, ctx.flags, 100);
  return jsonResult({ ...paging, Resources: page });
}

/** eas list-gateway */
export function listGateway(ctx: OpContext): SimResult {
  const { page, ...paging } = paginate(regionOf(ctx).gateways, ctx.flags, 100);
  return jsonResult({ ...paging, Gateways: page });
}

/** The gateway a call names, or the 404 EAS answers. */
function findGateway(ctx: OpContext): SimGateway | SimResult {
  const id = ctx.flags['gateway-id'];
  const gateway = regionOf(ctx).gateways.find((g) => g.GatewayId === id);
  return gateway ?? serverError(404, 'InvalidGateway.NotFound', `gateway ${id} not found`);
}

/** eas describe-gateway --cluster-id R --gateway-id G: the flat gateway; it names no VPC. */
export function describeGateway(ctx: OpContext): SimResult {
  const found = findGateway(ctx);
  if ('kind' in found) return found;
  const { IntranetLinkedVpcList: _linked, ...gateway } = found;
  return jsonResult({
    ...gateway,
    ExternalClusterId: ctx.region,
    InternetStatus: 'Running',
    Labels: [],
  });
}

/** eas list-gateway-intranet-linked-vpc --cluster-id R --gateway-id G: its VPC, vSwitch and security group. */
export function listGatewayIntranetLinkedVpc(ctx: OpContext): SimResult {
  const found = findGateway(ctx);
  if ('kind' in found) return found;
  return jsonResult({
    GatewayId: found.GatewayId,
    IntranetLinkedVpcList: found.IntranetLinkedVpcList,
  });
}
