import type { CallDeps } from '../aliyun/call-cli.js';
import {
  listDedicatedResources,
  listInstanceSpecs,
  listOfficialImages,
  listWorkspaces,
} from '../aliyun/catalog.js';
import type { CallTarget } from '../aliyun/commands.js';
import { describeCliError } from '../aliyun/explain-cli-error.js';
import type { DeploySpec } from './deploy-spec.js';
import { detectFramework, FRAMEWORKS, imageName, readFrameworkName } from './framework.js';
import { blocked, failedCall, type GateResult, passed } from './gate-result.js';
import { type ImageChoice, selectImage } from './select-image.js';
import { type InstanceChoice, selectInstance } from './select-instance.js';

type Ok<T> = Extract<T, { ok: true }>;

/** Workspace: the one asked for, else the only ENABLED one; none → omitted; several → ask the person. */
export async function checkWorkspace(
  deps: CallDeps,
  t: CallTarget,
  wanted?: string,
): Promise<GateResult<string | undefined>> {
  const answer = await listWorkspaces(deps, t);
  if (!answer.ok) {
    // Optional discovery: recorded, and the run goes on.
    if (wanted) return passed(wanted, `${wanted} (could not list workspaces to check it)`);
    return passed(
      undefined,
      `Could not list workspaces (${describeCliError(answer.error)}); going on without one`,
    );
  }
  const enabled = answer.data.filter((w) => w.Status === 'ENABLED');
  if (wanted) {
    const ws = enabled.find((w) => w.WorkspaceId === wanted);
    if (!ws) return blocked(`The workspace ${wanted} is not an enabled workspace in ${t.region}.`);
    return passed(wanted, `${ws.WorkspaceName} (${wanted})`);
  }
  const [only, ...others] = enabled;
  if (!only) return passed(undefined, 'No enabled workspace; deploying without one');
  if (others.length > 0) {
    const names = enabled.map((w) => `${w.WorkspaceName} (${w.WorkspaceId})`).join(', ');
    return blocked(
      `Several workspaces are enabled in ${t.region}: ${names}. Pick one in the workspace field.`,
    );
  }
  return passed(only.WorkspaceId, `${only.WorkspaceName} (${only.WorkspaceId})`);
}

/** list-images (always, whatever was supplied), then the image and its start command. */
export async function checkImage(
  deps: CallDeps,
  t: CallTarget,
  spec: DeploySpec,
): Promise<GateResult<Ok<ImageChoice>>> {
  const name = readFrameworkName(spec.image);
  const images = await listOfficialImages(deps, t, name ? imageName(name) : undefined);
  if (!images.ok) return failedCall('list the official images', images.error);
  const choice = selectImage(spec.image, images.data, {
    region: t.region,
    port: spec.port,
    mountPath: spec.mountPath,
    ...(spec.command ? { command: spec.command } : {}),
  });
  return choice.ok ? passed(choice, choice.imageUri) : blocked(choice.reason);
}

/** describe-machine-spec (always), then the instance type; vLLM/SGLang never run on a CPU type. */
export async function checkInstance(
  deps: CallDeps,
  t: CallTarget,
  spec: DeploySpec,
): Promise<GateResult<Ok<InstanceChoice>>> {
  const metas = await listInstanceSpecs(deps, t);
  if (!metas.ok) return failedCall('describe the instance types', metas.error);
  const framework = detectFramework(spec.image);
  const needsGpu = framework ? FRAMEWORKS[framework].needsGpu : false;
  const label = framework === 'vllm' ? 'vLLM' : framework === 'sglang' ? 'SGLang' : undefined;
  const choice = selectInstance(spec.instanceType, metas.data, {
    region: t.region,
    needsGpu,
    ...(label ? { frameworkLabel: label } : {}),
  });
  return choice.ok ? passed(choice, choice.instance.InstanceType) : blocked(choice.reason);
}

/** Dedicated resource group: it must exist, be Dedicated and ResourceReady; no fallback to the public pool. */
export async function checkResourceGroup(
  deps: CallDeps,
  t: CallTarget,
  wanted: string,
): Promise<GateResult<string>> {
  const answer = await listDedicatedResources(deps, t);
  if (!answer.ok) return failedCall('list the resource groups', answer.error);
  const group = answer.data.find((r) => r.ResourceId === wanted);
  if (group?.ResourceType !== 'Dedicated') {
    return blocked(`The dedicated resource group ${wanted} does not exist in ${t.region}.`);
  }
  if (group.Status !== 'ResourceReady') {
    return blocked(`The dedicated resource group ${wanted} is not ready (${group.Status}).`);
  }
  return passed(wanted, `${group.ResourceName ?? wanted} is ready`);
}
