import { type CallDeps, type CallResult, callCli } from './call-cli.js';
import {
  type CallTarget,
  describeSecurityGroupsArgs,
  describeVpcsArgs,
  describeVswitchesArgs,
  listGatewayArgs,
  listLoadBalancersArgs,
  PAGE_SIZE,
} from './commands.js';
import {
  DescribeSecurityGroupsResponse,
  DescribeVpcsResponse,
  DescribeVswitchesResponse,
  type Gateway,
  ListGatewayResponse,
  ListLoadBalancersResponse,
  type LoadBalancer,
  type SecurityGroup,
  type Vpc,
  type VSwitch,
} from './network-schemas.js';
import { nextPageNumber, readAllPages } from './read-all-pages.js';

/** Every list stops after this many pages: 1,000 VPCs, vSwitches or security groups, 2,000 NLBs. */
const MAX_PAGES = 20;

/** Every gateway of the region (list-gateway, all pages). */
export async function listGateways(deps: CallDeps, t: CallTarget): Promise<CallResult<Gateway[]>> {
  return readAllPages(
    1,
    async (n) => {
      const answer = await callCli(deps, listGatewayArgs(t, n), ListGatewayResponse);
      if (!answer.ok) return answer;
      const items = answer.data.Gateways ?? [];
      const total = answer.data.TotalCount ?? undefined;
      const next = nextPageNumber(n, PAGE_SIZE.gateways, items.length, total);
      return { ok: true, data: { items, ...(next ? { next } : {}) } };
    },
    {
      what: `gateways in ${t.region}`,
      maxPages: MAX_PAGES,
      instead: 'Type the gateway id in the form.',
    },
  );
}

/** A PageNumber/PageSize lister of the built-in VPC and ECS APIs. */
function rpcPages<T>(
  fetch: (n: number) => Promise<CallResult<{ items: T[]; total: number | undefined }>>,
  what: string,
  instead: string,
  done?: (items: readonly T[]) => boolean,
): Promise<CallResult<T[]>> {
  return readAllPages(
    1,
    async (n) => {
      const answer = await fetch(n);
      if (!answer.ok) return answer;
      const { items, total } = answer.data;
      const next = nextPageNumber(n, PAGE_SIZE.vpc, items.length, total);
      return { ok: true, data: { items, ...(next ? { next } : {}) } };
    },
    { what, maxPages: MAX_PAGES, instead },
    done,
  );
}

/** Every VPC of the region (DescribeVpcs, all pages; its PageSize defaults to 10). */
export function listVpcs(deps: CallDeps, t: CallTarget): Promise<CallResult<Vpc[]>> {
  return rpcPages(
    async (n) => {
      const a = await callCli(deps, describeVpcsArgs(t, n), DescribeVpcsResponse);
      return a.ok
        ? {
            ok: true,
            data: { items: a.data.Vpcs?.Vpc ?? [], total: a.data.TotalCount ?? undefined },
          }
        : a;
    },
    `VPCs in ${t.region}`,
    'Type the VPC id in the form.',
  );
}

/** Every vSwitch of a VPC (DescribeVSwitches, all pages). */
export function listVswitches(
  deps: CallDeps,
  t: CallTarget,
  vpcId: string,
): Promise<CallResult<VSwitch[]>> {
  return rpcPages(
    async (n) => {
      const a = await callCli(deps, describeVswitchesArgs(t, vpcId, n), DescribeVswitchesResponse);
      return a.ok
        ? {
            ok: true,
            data: { items: a.data.VSwitches?.VSwitch ?? [], total: a.data.TotalCount ?? undefined },
          }
        : a;
    },
    `vSwitches in ${vpcId}`,
    'Type the vSwitch ids in the form.',
  );
}

/** The security groups of a VPC (DescribeSecurityGroups), read until `wanted` is found or the pages end. */
export function listSecurityGroups(
  deps: CallDeps,
  t: CallTarget,
  vpcId: string,
  wanted?: string,
): Promise<CallResult<SecurityGroup[]>> {
  return rpcPages(
    async (n) => {
      const a = await callCli(
        deps,
        describeSecurityGroupsArgs(t, vpcId, n),
        DescribeSecurityGroupsResponse,
      );
      return a.ok
        ? {
            ok: true,
            data: {
              items: a.data.SecurityGroups?.SecurityGroup ?? [],
              total: a.data.TotalCount ?? undefined,
            },
          }
        : a;
    },
    `security groups in ${vpcId}`,
    'Type the security group id in the form.',
    (items) => (wanted ? items.some((g) => g.SecurityGroupId === wanted) : items.length > 0),
  );
}

/** The NLBs of the region (ListLoadBalancers by NextToken), read until `wanted` is found. */
export function listLoadBalancers(
  deps: CallDeps,
  t: CallTarget,
  wanted: string,
): Promise<CallResult<LoadBalancer[]>> {
  // '' is the first page's cursor: ListLoadBalancers takes no NextToken then.
  return readAllPages<LoadBalancer, string>(
    '',
    async (token) => {
      const answer = await callCli(
        deps,
        listLoadBalancersArgs(t, token || undefined),
        ListLoadBalancersResponse,
      );
      if (!answer.ok) return answer;
      const next = answer.data.NextToken || undefined;
      return {
        ok: true,
        data: { items: answer.data.LoadBalancers ?? [], ...(next ? { next } : {}) },
      };
    },
    { what: `NLBs in ${t.region}`, maxPages: MAX_PAGES, instead: 'Check the NLB id in the form.' },
    (items) => items.some((lb) => lb.LoadBalancerId === wanted),
  );
}
