import type { InstanceMeta } from '../aliyun/schemas.js';
import type { ServicePlan } from './build-service-json.js';
import type { DeploySpec } from './deploy-spec.js';
import type { Framework } from './framework.js';
import { parseNasPath } from './nas-path.js';
import type { NetworkPlan } from './network/network-mode.js';

/** What the read-only gates found. */
export interface GateFindings {
  readonly name: string;
  readonly workspaceId: string | undefined;
  readonly image: { imageUri: string; framework?: Framework; command?: string };
  readonly instance: InstanceMeta;
  readonly network: NetworkPlan;
}

/** Combines the request with what the gates found into the plan the service JSON is built from. */
export function buildServicePlan(spec: DeploySpec, found: GateFindings): ServicePlan {
  const meta = found.instance;
  const nas = spec.nasPath ? parseNasPath(spec.nasPath) : undefined;
  return {
    name: found.name,
    ...(found.workspaceId ? { workspaceId: found.workspaceId } : {}),
    imageUri: found.image.imageUri,
    ...(found.image.framework ? { framework: found.image.framework } : {}),
    ...(found.image.command ? { command: found.image.command } : {}),
    port: spec.port,
    replicas: spec.replicas,
    instanceType: meta.InstanceType,
    // describe-machine-spec gives GB; metadata.memory is in MB.
    resources: { cpu: meta.CPU, gpu: meta.GPUAmount, memory: Math.round(meta.Memory * 1024) },
    ...(spec.ossPath ? { ossPath: spec.ossPath } : {}),
    ...(nas ? { nas: { server: nas.server, path: nas.path } } : {}),
    mountPath: spec.mountPath,
    healthCheck: spec.healthCheck,
    ...(spec.autoscale ? { autoscale: spec.autoscale } : {}),
    network: found.network,
    ...(spec.resourceGroup ? { resourceGroup: spec.resourceGroup } : {}),
  };
}
