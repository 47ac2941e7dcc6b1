import type { Autoscale } from './deploy-spec.js';
import { FRAMEWORKS, type Framework } from './framework.js';
import type { NetworkPlan } from './network/network-mode.js';

/** Everything the service JSON is built from, after the gates resolved names, images and network. */
export interface ServicePlan {
  readonly name: string;
  readonly workspaceId?: string;
  readonly imageUri: string;
  readonly framework?: Framework;
  readonly command?: string;
  readonly port: number;
  readonly replicas: number;
  readonly instanceType: string;
  /** Cores, GPUs and memory (MB) of the instance type; used on a dedicated resource group. */
  readonly resources: { cpu: number; gpu: number; memory: number };
  readonly ossPath?: string;
  /** NAS model source: the NFS server and the directory on it. */
  readonly nas?: { readonly server: string; readonly path: string };
  readonly mountPath: string;
  readonly healthCheck: boolean;
  readonly autoscale?: Autoscale;
  readonly network: NetworkPlan;
  readonly resourceGroup?: string;
}

type Json = Record<string, unknown>;

/** The spec's startup_check: LLM servers answer /health late; others answer / sooner. */
function buildStartupCheck(plan: ServicePlan): Json {
  const llm = plan.framework === 'vllm' || plan.framework === 'sglang';
  const path = plan.framework ? FRAMEWORKS[plan.framework].health : '/';
  return {
    http_get: { path, port: plan.port },
    initial_delay_seconds: llm ? 120 : 60,
    period_seconds: 10,
    timeout_seconds: 1,
    success_threshold: 1,
    failure_threshold: 30,
  };
}

function buildCloud(plan: ServicePlan): Json | undefined {
  const vpc = plan.network.vpc;
  const networking = vpc
    ? {
        vpc_id: vpc.vpcId,
        vswitch_id: vpc.vswitchIds.join(','),
        security_group_id: vpc.securityGroupId,
      }
    : undefined;
  // A dedicated resource group replaces cloud.computing (metadata.resource instead).
  const computing = plan.resourceGroup ? undefined : { instance_type: plan.instanceType };
  if (!computing && !networking) return undefined;
  return { ...(computing ? { computing } : {}), ...(networking ? { networking } : {}) };
}

/** The model mount, read-only: OSS (`oss`) or NAS (`nfs`, storage-mount.md). */
function buildStorage(plan: ServicePlan): { storage: Json[] } | undefined {
  if (plan.ossPath) {
    return {
      storage: [{ mount_path: plan.mountPath, oss: { path: plan.ossPath, readOnly: true } }],
    };
  }
  if (plan.nas) {
    const nfs = { server: plan.nas.server, path: plan.nas.path, readOnly: true };
    return { storage: [{ mount_path: plan.mountPath, nfs }] };
  }
  return undefined;
}

/** Builds the EAS service JSON of the spec's patterns (and their combinations) from a resolved plan. */
export function buildServiceJson(plan: ServicePlan): Json {
  const metadata: Json = {
    name: plan.name,
    instance: plan.replicas,
    ...(plan.workspaceId ? { workspace_id: plan.workspaceId } : {}),
    ...(plan.resourceGroup
      ? {
          resource: plan.resourceGroup,
          cpu: plan.resources.cpu,
          gpu: plan.resources.gpu,
          memory: plan.resources.memory,
        }
      : {}),
  };
  const container: Json = {
    image: plan.imageUri,
    port: plan.port,
    ...(plan.command ? { command: plan.command } : {}),
    ...(plan.healthCheck ? { startup_check: buildStartupCheck(plan) } : {}),
  };
  const cloud = buildCloud(plan);
  const networking = plan.network.networking;
  const autoscaler = plan.autoscale
    ? {
        min: plan.autoscale.min,
        max: plan.autoscale.max,
        scaleStrategies: [
          { metricName: plan.autoscale.metric, threshold: plan.autoscale.threshold },
        ],
      }
    : undefined;
  return {
    metadata,
    containers: [container],
    ...(buildStorage(plan) ?? {}),
    ...(cloud ? { cloud } : {}),
    ...(autoscaler ? { autoscaler } : {}),
    ...(networking ? { networking } : {}),
  };
}

/** The same plan on the shared gateway: the NLB plugin-bug fallback drops networking.nlb and cloud.networking. */
export function withSharedGateway(plan: ServicePlan): ServicePlan {
  return { ...plan, network: { mode: 'shared' } };
}
