import { type CallDeps, callCli } from '../../aliyun/call-cli.js';
import {
  type CallTarget,
  describeGatewayArgs,
  describeVpcsArgs,
  describeVswitchesArgs,
  listGatewayArgs,
  listLoadBalancersArgs,
} from '../../aliyun/commands.js';
import {
  DescribeGatewayResponse,
  DescribeVpcsResponse,
  DescribeVswitchesResponse,
  ListGatewayResponse,
  ListLoadBalancersResponse,
} from '../../aliyun/network-schemas.js';
import type { Network } from '../deploy-spec.js';
import { blocked, failedCall, type GateResult, passed } from '../gate-result.js';
import { pickSecurityGroup, pickZonalVswitches } from './pick-vpc-pieces.js';

/** Where the service listens: the shared gateway, a dedicated gateway or an NLB, with its VPC pieces. */
export type NetworkPlan =
  | { mode: 'shared' }
  | {
      mode: 'gateway';
      gatewayId: string;
      vpcId: string;
      vswitchIds: string[];
      securityGroupId: string;
    }
  | {
      mode: 'nlb';
      nlbId: string;
      vpcId: string;
      vswitchIds: string[];
      securityGroupId: string;
      netType: 'intranet' | 'internet';
    };

/** Dedicated gateway: list-gateway → describe-gateway (VPC, vswitches) → a security group in that VPC. */
async function discoverGateway(
  deps: CallDeps,
  t: CallTarget,
  net: Network,
): Promise<GateResult<NetworkPlan>> {
  const list = await callCli(deps, listGatewayArgs(t), ListGatewayResponse);
  if (!list.ok) return failedCall('list the gateways', list.error);
  const gateways = list.data.Gateways ?? [];
  const gateway = net.gatewayId
    ? gateways.find((g) => g.GatewayId === net.gatewayId)
    : (gateways.find((g) => !g.IsDefault && g.Status === 'Running') ??
      gateways.find((g) => !g.IsDefault));
  if (!gateway) {
    return blocked(
      net.gatewayId
        ? `The dedicated gateway ${net.gatewayId} does not exist in ${t.region}.`
        : `There is no dedicated gateway in ${t.region}. Create one in the PAI console, or use the shared gateway.`,
    );
  }
  const detail = await callCli(
    deps,
    describeGatewayArgs(t, gateway.GatewayId),
    DescribeGatewayResponse,
  );
  if (!detail.ok) return failedCall(`describe the gateway ${gateway.GatewayId}`, detail.error);
  const lb = detail.data.LoadBalancerList?.[0];
  const vpcId = net.vpcId ?? lb?.VpcId;
  const vswitchIds = net.vswitchIds ?? lb?.VSwitchIds ?? [];
  if (!vpcId || vswitchIds.length === 0) {
    return blocked(`The gateway ${gateway.GatewayId} has no VPC or vswitch in ${t.region}.`);
  }
  const sg = await pickSecurityGroup(deps, t, vpcId, net.securityGroupId);
  if (sg.status !== 'passed') return sg;
  const plan: NetworkPlan = {
    mode: 'gateway',
    gatewayId: gateway.GatewayId,
    vpcId,
    vswitchIds,
    securityGroupId: sg.value,
  };
  return passed(plan, `Gateway ${gateway.GatewayId} in ${vpcId}, security group ${sg.value}`);
}

/** NLB: the system NLB `default` or an existing one; VPC, ≥2 vswitches in different zones, security group. */
async function discoverNlb(
  deps: CallDeps,
  t: CallTarget,
  net: Network,
): Promise<GateResult<NetworkPlan>> {
  const nlbId = net.nlbId ?? 'default';
  let vpcId = net.vpcId;
  let vswitchIds = net.vswitchIds;
  if (nlbId !== 'default') {
    const list = await callCli(deps, listLoadBalancersArgs(t), ListLoadBalancersResponse);
    if (!list.ok) return failedCall('list the NLBs', list.error);
    const nlb = list.data.LoadBalancers?.find((l) => l.LoadBalancerId === nlbId);
    if (!nlb) return blocked(`The NLB ${nlbId} does not exist in ${t.region}.`);
    vpcId ??= nlb.VpcId ?? undefined;
    vswitchIds ??= nlb.ZoneMappings?.map((z) => z.VSwitchId);
  }
  if (!vpcId) {
    const vpcs = await callCli(deps, describeVpcsArgs(t), DescribeVpcsResponse);
    if (!vpcs.ok) return failedCall('list the VPCs', vpcs.error);
    const list = vpcs.data.Vpcs?.Vpc ?? [];
    vpcId = (list.find((v) => v.Status === 'Available') ?? list[0])?.VpcId;
    if (!vpcId) return blocked(`An NLB needs a VPC, and there is none in ${t.region}.`);
  }
  const [vsw, sg] = await Promise.all([
    callCli(deps, describeVswitchesArgs(t, vpcId), DescribeVswitchesResponse),
    pickSecurityGroup(deps, t, vpcId, net.securityGroupId),
  ]);
  if (!vsw.ok) return failedCall(`list the vswitches of ${vpcId}`, vsw.error);
  const zonal = pickZonalVswitches(vsw.data.VSwitches?.VSwitch ?? [], vswitchIds);
  if (!zonal.ok) return blocked(`${zonal.reason} (VPC ${vpcId}, ${t.region})`);
  if (sg.status !== 'passed') return sg;
  const plan: NetworkPlan = {
    mode: 'nlb',
    nlbId,
    vpcId,
    vswitchIds: zonal.ids,
    securityGroupId: sg.value,
    netType: net.netType,
  };
  return passed(
    plan,
    `NLB ${nlbId} in ${vpcId} (${zonal.ids.join(', ')}), security group ${sg.value}`,
  );
}

/** Finds the network pieces the request needs; a required piece that does not exist blocks the deployment. */
export async function discoverNetwork(
  deps: CallDeps,
  t: CallTarget,
  net: Network,
): Promise<GateResult<NetworkPlan>> {
  if (net.mode === 'gateway') return discoverGateway(deps, t, net);
  if (net.mode === 'nlb') return discoverNlb(deps, t, net);
  return passed({ mode: 'shared' }, 'Shared gateway (no networking fields)');
}
