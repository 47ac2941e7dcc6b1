import { z } from 'zod';
import { type CallDeps, callCli } from '../../aliyun/call-cli.js';
import {
  type CallTarget,
  describeGatewayArgs,
  listGatewayLinkedVpcArgs,
} from '../../aliyun/commands.js';
import { listGateways } from '../../aliyun/network-lookups.js';
import {
  DescribeGatewayResponse,
  type Gateway,
  ListGatewayLinkedVpcResponse,
} from '../../aliyun/network-schemas.js';
import { blocked, failedCall, type GateResult, passed } from '../gate-result.js';
import type { NetworkModeModule, NetworkPlan } from './network-mode.js';
import { pickSecurityGroup } from './pick-vpc-pieces.js';

const shape = {
  /** Dedicated gateway id (gw-…); discovered when absent. */
  gatewayId: z
    .string()
    .regex(/^gw-[a-z0-9]+$/)
    .optional(),
};

/** The gateway asked for, or the region's one dedicated (non-default) gateway, Running first. */
function pickGateway(gateways: readonly Gateway[], wanted?: string): Gateway | undefined {
  if (wanted) return gateways.find((g) => g.GatewayId === wanted);
  const own = gateways.filter((g) => !g.IsDefault);
  return own.find((g) => g.Status === 'Running') ?? own[0];
}

/**
 * list-gateway → describe-gateway (its domains) and list-gateway-intranet-linked-vpc (its VPC,
 * vSwitch and security group), at the same time. DescribeGateway names no VPC.
 */
async function discover(
  deps: CallDeps,
  t: CallTarget,
  request: Readonly<Record<string, unknown>>,
): Promise<GateResult<NetworkPlan>> {
  const { gatewayId: wanted } = z.object(shape).parse(request);
  const list = await listGateways(deps, t);
  if (!list.ok) return failedCall('list the gateways', list.error);
  const gateway = pickGateway(list.data, wanted);
  if (!gateway) {
    return blocked(
      wanted
        ? `The dedicated gateway ${wanted} does not exist in ${t.region}.`
        : `There is no dedicated gateway in ${t.region}. Create one in the PAI console, or use the shared gateway.`,
    );
  }
  const id = gateway.GatewayId;
  const [detail, linked] = await Promise.all([
    callCli(deps, describeGatewayArgs(t, id), DescribeGatewayResponse),
    callCli(deps, listGatewayLinkedVpcArgs(t, id), ListGatewayLinkedVpcResponse),
  ]);
  if (!detail.ok) return failedCall(`describe the gateway ${id}`, detail.error);
  if (!linked.ok) return failedCall(`list the VPCs linked to the gateway ${id}`, linked.error);
  const links = linked.data.IntranetLinkedVpcList ?? [];
  const link = links.find((l) => l.Status === 'Running') ?? links[0];
  if (!link) {
    return blocked(
      `The gateway ${id} has no VPC linked to it, so a service behind it has no network to join. Link a VPC to the gateway in the PAI console (intranet access), or use the shared gateway.`,
    );
  }
  const sg = link.SecurityGroupId
    ? passed(link.SecurityGroupId, link.SecurityGroupId)
    : await pickSecurityGroup(deps, t, link.VpcId);
  if (sg.status !== 'passed') return sg;
  const { InternetDomain, IntranetDomain, InternetEnabled, IntranetEnabled } = detail.data;
  const plan: NetworkPlan = {
    mode: 'gateway',
    vpc: { vpcId: link.VpcId, vswitchIds: [link.VSwitchId], securityGroupId: sg.value },
    networking: { gateway: id },
    fallbackEndpoint: {
      type: 'PrivateGateway',
      internetHost: InternetEnabled !== false ? (InternetDomain ?? null) : null,
      intranetHost: IntranetEnabled !== false ? (IntranetDomain ?? null) : null,
    },
  };
  return passed(
    plan,
    `Gateway ${id} in ${link.VpcId} (${link.VSwitchId}), security group ${sg.value}`,
  );
}

/** A dedicated gateway: one optional field, the gateway id. */
export const dedicatedGateway = {
  id: 'gateway' as const,
  label: 'Dedicated gateway',
  fields: [
    {
      id: 'gateway' as const,
      path: 'gatewayId',
      label: 'Dedicated gateway id',
      hint: 'gw-…; leave empty to use the only one in the region.',
      rule: 'a gateway id, or empty to use the region’s only one',
      example: 'gw-abc123',
    },
  ],
  shape,
  discover,
} satisfies NetworkModeModule;
