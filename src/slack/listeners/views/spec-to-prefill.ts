import type { Prefill } from '../../../../blocks/ids.js';
import type { DeploySpec } from '../../../deploy/deploy-spec.js';
import { networkToPrefill } from '../../../deploy/network/registry.js';

/** A finished deployment's settings as modal pre-fill, without the name (a redeploy needs a new one). */
export function specToPrefill(spec: DeploySpec): Prefill {
  const prefill: Prefill = {
    region: spec.region,
    image: spec.image,
    instance_type: spec.instanceType,
    replicas: String(spec.replicas),
    port: String(spec.port),
    ...networkToPrefill(spec.network),
  };
  if (spec.workspaceId) prefill.workspace = spec.workspaceId;
  if (spec.command) prefill.command = spec.command;
  if (spec.ossPath) prefill.oss_path = spec.ossPath;
  if (spec.nasPath) prefill.oss_path = spec.nasPath;
  if (spec.resourceGroup) prefill.resource_group = spec.resourceGroup;
  if (spec.ttl) prefill.ttl = spec.ttl;
  if (spec.autoscale) {
    prefill.autoscale_min = String(spec.autoscale.min);
    prefill.autoscale_max = String(spec.autoscale.max);
  }
  return prefill;
}
