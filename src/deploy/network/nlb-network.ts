import { z } from 'zod';
import type { CallDeps } from '../../aliyun/call-cli.js';
import type { CallTarget } from '../../aliyun/commands.js';
import { listLoadBalancers, listVpcs, listVswitches } from '../../aliyun/network-lookups.js';
import { blocked, failedCall, type GateResult, passed } from '../gate-result.js';
import type { EndpointSummary } from '../outcome.js';
import type { DiscoveryContext, NetworkModeModule, NetworkPlan } from './network-mode.js';
import { pickSecurityGroup, pickVpc, pickZonalVswitches } from './pick-vpc-pieces.js';

const shape = {
  /** System NLB `default` or an existing `nlb-…`; VPC pieces discovered when absent. */
  nlbId: z
    .string()
    .regex(/^(default|nlb-[a-z0-9]+)$/)
    .optional(),
  vpcId: z
    .string()
    .regex(/^vpc-[a-z0-9]+$/)
    .optional(),
  vswitchIds: z
    .array(z.string().regex(/^vsw-[a-z0-9]+$/))
    .max(8)
    .optional(),
  securityGroupId: z
    .string()
    .regex(/^sg-[a-z0-9]+$/)
    .optional(),
  netType: z.enum(['intranet', 'internet']).default('intranet'),
};

type NlbRequest = z.infer<z.ZodObject<typeof shape>>;

/** The NLB's VPC and vSwitches, or the region's VPC; none of them is invented. */
async function findVpc(
  deps: CallDeps,
  t: CallTarget,
  req: NlbRequest,
  nlbId: string,
): Promise<GateResult<{ vpcId: string; vswitchIds?: string[] }>> {
  let vpcId = req.vpcId;
  let vswitchIds = req.vswitchIds;
  if (nlbId !== 'default') {
    const list = await listLoadBalancers(deps, t, nlbId);
    if (!list.ok) return failedCall('list the NLBs', list.error);
    const nlb = list.data.find((l) => l.LoadBalancerId === nlbId);
    if (!nlb) return blocked(`The NLB ${nlbId} does not exist in ${t.region}.`);
    vpcId ??= nlb.VpcId ?? undefined;
    vswitchIds ??= nlb.ZoneMappings?.map((m) => m.VSwitchId);
  }
  if (!vpcId) {
    const vpcs = await listVpcs(deps, t);
    if (!vpcs.ok) return failedCall('list the VPCs', vpcs.error);
    vpcId = pickVpc(vpcs.data)?.VpcId;
    if (!vpcId) return blocked(`An NLB needs a VPC, and there is none in ${t.region}.`);
  }
  return passed({ vpcId, ...(vswitchIds ? { vswitchIds } : {}) }, vpcId);
}

/** NLB: the system NLB `default` or an existing one; a VPC, ≥2 vSwitches in different zones, a security group. */
async function discover(
  deps: CallDeps,
  t: CallTarget,
  request: Readonly<Record<string, unknown>>,
  ctx: DiscoveryContext,
): Promise<GateResult<NetworkPlan>> {
  const req = z.object(shape).parse(request);
  const nlbId = req.nlbId ?? 'default';
  const found = await findVpc(deps, t, req, nlbId);
  if (found.status !== 'passed') return found;
  const { vpcId, vswitchIds } = found.value;
  const [vsw, sg] = await Promise.all([
    listVswitches(deps, t, vpcId),
    pickSecurityGroup(deps, t, vpcId, req.securityGroupId),
  ]);
  if (!vsw.ok) return failedCall(`list the vSwitches of ${vpcId}`, vsw.error);
  const zonal = pickZonalVswitches(vsw.data, vswitchIds);
  if (!zonal.ok) return blocked(`${zonal.reason} (VPC ${vpcId}, ${t.region})`);
  if (sg.status !== 'passed') return sg;
  const plan: NetworkPlan = {
    mode: 'nlb',
    vpc: { vpcId, vswitchIds: zonal.ids, securityGroupId: sg.value },
    networking: { nlb: [{ id: nlbId, listener_port: ctx.port, netType: req.netType }] },
  };
  return passed(
    plan,
    `NLB ${nlbId} in ${vpcId} (${zonal.ids.join(', ')}), security group ${sg.value}`,
  );
}

/** NLB endpoints are host:port; the summary gives them the listener port and the service path. */
function formatEndpoint(raw: string, endpoint: EndpointSummary, serviceName: string): string {
  if (endpoint.type !== 'Nlb') return raw;
  const hostPort = raw.replace(/^https?:\/\//, '').split('/')[0] ?? '';
  const withPort =
    hostPort.includes(':') || endpoint.port === null ? hostPort : `${hostPort}:${endpoint.port}`;
  return `http://${withPort}/api/predict/${serviceName}`;
}

const NET_TYPES = [
  { label: 'Intranet (inside the VPC)', value: 'intranet' },
  { label: 'Internet (public address)', value: 'internet' },
];

/** A network load balancer: every field optional, whatever is left empty is found in the region. */
export const nlbNetwork = {
  id: 'nlb' as const,
  label: 'Network load balancer (NLB)',
  fields: [
    {
      id: 'nlb_id' as const,
      path: 'nlbId',
      label: 'NLB id',
      hint: 'nlb-…, or empty for a system NLB (default).',
      rule: 'an NLB id, or empty for a system NLB',
      example: 'nlb-abc123',
    },
    {
      id: 'vpc_id' as const,
      path: 'vpcId',
      label: 'VPC id',
      hint: 'vpc-…; empty: the region’s VPC is used.',
      rule: 'a VPC id, or empty to use the region’s',
      example: 'vpc-abc123',
    },
    {
      id: 'vswitch_ids' as const,
      path: 'vswitchIds',
      label: 'vSwitch ids',
      hint: 'Comma-separated, at least two zones; empty: found for you.',
      rule: 'vSwitch ids in two zones, comma-separated, or empty to find them',
      example: 'vsw-a1,vsw-b2',
      list: true,
    },
    {
      id: 'security_group' as const,
      path: 'securityGroupId',
      label: 'Security group id',
      hint: 'sg-…; empty: found in the VPC.',
      rule: 'a security group id, or empty to find one in the VPC',
      example: 'sg-abc123',
    },
    {
      id: 'net_type' as const,
      path: 'netType',
      label: 'NLB address',
      hint: '',
      rule: 'intranet or internet',
      example: 'intranet',
      options: NET_TYPES,
    },
  ],
  shape,
  discover,
  formatEndpoint,
} satisfies NetworkModeModule;
