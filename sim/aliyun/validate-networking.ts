import { invalidParameter, type SimResult, serverError } from './sim-result.js';
import type { SimRegion } from './world-schema.js';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** cloud.networking must name a VPC, vswitches and a security group that exist together. */
function checkCloudNetworking(
  body: Obj,
  region: SimRegion,
  minZones: number,
): SimResult | undefined {
  const net = isObj(body.cloud) && isObj(body.cloud.networking) ? body.cloud.networking : undefined;
  const { vpc_id: vpc, vswitch_id: vsw, security_group_id: sg } = net ?? {};
  if (typeof vpc !== 'string' || typeof vsw !== 'string' || typeof sg !== 'string') {
    return invalidParameter('cloud.networking needs vpc_id, vswitch_id and security_group_id');
  }
  if (!region.vpcs.some((v) => v.VpcId === vpc)) return invalidParameter(`vpc ${vpc} not found`);
  const ids = vsw.split(',').map((s) => s.trim());
  const zones = new Set<string>();
  for (const id of ids) {
    const found = region.vswitches.find((v) => v.VSwitchId === id);
    if (!found || found.VpcId !== vpc) return invalidParameter(`vswitch ${id} not found in ${vpc}`);
    zones.add(found.ZoneId);
  }
  if (zones.size < minZones) {
    return invalidParameter(
      `NLB needs at least ${minZones} vswitches in different zones, got ${zones.size} zone(s)`,
    );
  }
  if (!region.securityGroups.some((g) => g.SecurityGroupId === sg && g.VpcId === vpc)) {
    return invalidParameter(`security group ${sg} not found in ${vpc}`);
  }
  return undefined;
}

/** Checks `networking` (dedicated gateway or NLB) against the region's resources. */
export function checkNetworking(body: Obj, region: SimRegion): SimResult | undefined {
  if (!isObj(body.networking)) return undefined;
  const { gateway, nlb } = body.networking;
  if (gateway !== undefined) {
    if (gateway === 'shared')
      return invalidParameter(
        'networking.gateway "shared" is invalid: omit networking for the shared gateway',
      );
    if (!region.gateways.some((g) => g.GatewayId === gateway)) {
      return serverError(404, 'InvalidGateway.NotFound', `gateway ${String(gateway)} not found`);
    }
    return checkCloudNetworking(body, region, 1);
  }
  if (nlb === undefined) return undefined;
  if (!Array.isArray(nlb) || nlb.length === 0)
    return invalidParameter('networking.nlb must be a non-empty list');
  for (const [i, entry] of nlb.entries()) {
    if (!isObj(entry)) return invalidParameter(`networking.nlb[${i}] must be an object`);
    if (entry.listener_port === 8080)
      return invalidParameter(`networking.nlb[${i}].listener_port 8080 is reserved by EAS`);
    if (
      entry.netType !== undefined &&
      entry.netType !== 'intranet' &&
      entry.netType !== 'internet'
    ) {
      return invalidParameter(`networking.nlb[${i}].netType must be intranet or internet`);
    }
    const id = entry.id ?? 'default';
    if (id !== 'default' && !region.loadBalancers.some((lb) => lb.LoadBalancerId === id)) {
      return serverError(
        404,
        'InvalidLoadBalancer.NotFound',
        `load balancer ${String(id)} not found`,
      );
    }
  }
  return checkCloudNetworking(body, region, 2);
}
