import type { CallDeps } from '../../aliyun/call-cli.js';
import type { CallTarget } from '../../aliyun/commands.js';
import { listSecurityGroups } from '../../aliyun/network-lookups.js';
import type { Vpc, VSwitch } from '../../aliyun/network-schemas.js';
import { blocked, failedCall, type GateResult, passed } from '../gate-result.js';

/** The security group to use in a VPC: the one asked for (it must be there) or the first one found. */
export async function pickSecurityGroup(
  deps: CallDeps,
  t: CallTarget,
  vpcId: string,
  wanted?: string,
): Promise<GateResult<string>> {
  const answer = await listSecurityGroups(deps, t, vpcId, wanted);
  if (!answer.ok) return failedCall(`list the security groups of ${vpcId}`, answer.error);
  const groups = answer.data;
  const group = wanted ? groups.find((g) => g.SecurityGroupId === wanted) : groups[0];
  if (!group) {
    return blocked(
      wanted
        ? `The security group ${wanted} does not exist in ${vpcId} (${t.region}).`
        : `There is no security group in ${vpcId} (${t.region}). Create one first.`,
    );
  }
  return passed(group.SecurityGroupId, group.SecurityGroupId);
}

/** At least two vswitches in different zones: the ones asked for, or one per zone from the VPC. */
export function pickZonalVswitches(
  available: readonly VSwitch[],
  wanted?: readonly string[],
): { ok: true; ids: string[] } | { ok: false; reason: string } {
  if (wanted && wanted.length > 0) {
    const missing = wanted.filter((id) => !available.some((v) => v.VSwitchId === id));
    if (missing.length > 0)
      return { ok: false, reason: `The vswitch ${missing.join(', ')} does not exist` };
    const zones = new Set(
      available.filter((v) => wanted.includes(v.VSwitchId)).map((v) => v.ZoneId),
    );
    if (zones.size < 2)
      return { ok: false, reason: 'An NLB needs at least two vswitches in different zones' };
    return { ok: true, ids: [...wanted] };
  }
  const perZone = new Map<string, string>();
  for (const v of available) if (!perZone.has(v.ZoneId)) perZone.set(v.ZoneId, v.VSwitchId);
  if (perZone.size < 2) {
    return {
      ok: false,
      reason: `An NLB needs at least two vswitches in different zones; this VPC has vswitches in ${perZone.size} zone${perZone.size === 1 ? '' : 's'}. Add a vswitch in another zone, or use the shared gateway`,
    };
  }
  return { ok: true, ids: [...perZone.values()].slice(0, 2) };
}

/** The region's VPC for a service that names none: the default VPC, else the first Available one. */
export function pickVpc(vpcs: readonly Vpc[]): Vpc | undefined {
  return vpcs.find((v) => v.IsDefault) ?? vpcs.find((v) => v.Status === 'Available') ?? vpcs[0];
}
