import type { CallDeps } from '../aliyun/call-cli.js';
import type { CallTarget } from '../aliyun/commands.js';
import type { ServicePlan } from './build-service-json.js';
import { checkServiceName, type NameCheck } from './check-service-name.js';
import type { DeploySpec } from './deploy-spec.js';
import { discoverNetwork } from './discover-network.js';
import { type GateResult, passed } from './gate-result.js';
import type { Journal } from './journal.js';
import type { DeploymentResult } from './outcome.js';
import { checkImage, checkInstance, checkResourceGroup, checkWorkspace } from './read-gates.js';
import type { StepTracker } from './step-tracker.js';
import type { StepId } from './steps.js';

/** The gates' verdict: a plan to create (and notes), or the result that stops the deployment. */
export type GatesVerdict =
  | { ok: true; plan: ServicePlan; name: NameCheck; notes: string[] }
  | { ok: false; result: DeploymentResult };

async function runGate<T>(tracker: StepTracker, id: StepId, gate: () => Promise<GateResult<T>>) {
  await tracker.start(id);
  const result = await gate();
  await tracker.finish(
    id,
    result.status === 'passed' ? { status: 'passed', detail: result.detail } : result,
  );
  return { id, result };
}

/** Runs every read-only gate at the same time; the first that did not pass (in table order) stops the run. */
export async function runGates(
  deps: CallDeps,
  t: CallTarget,
  spec: DeploySpec,
  journal: Journal,
  tracker: StepTracker,
  env: { deploymentId: string; random: () => number },
): Promise<GatesVerdict> {
  const [workspace, name, image, instance, network, group] = await Promise.all([
    runGate(tracker, 'workspace', () => checkWorkspace(deps, t, spec.workspaceId)),
    runGate(tracker, 'name', () =>
      checkServiceName(deps, t, {
        requested: spec.serviceName,
        ...(journal.resolvedServiceName ? { resolved: journal.resolvedServiceName } : {}),
        deploymentId: env.deploymentId,
        random: env.random,
      }),
    ),
    runGate(tracker, 'image', () => checkImage(deps, t, spec)),
    runGate(tracker, 'instance', () => checkInstance(deps, t, spec)),
    runGate(tracker, 'network', () => discoverNetwork(deps, t, spec.network)),
    runGate(tracker, 'resource-group', () =>
      spec.resourceGroup
        ? checkResourceGroup(deps, t, spec.resourceGroup)
        : Promise.resolve(passed(undefined, 'Public resource pool')),
    ),
  ]);
  for (const gate of [workspace, name, image, instance, network, group]) {
    const r = gate.result;
    if (r.status === 'blocked')
      return { ok: false, result: { result: 'blocked', step: gate.id, reason: r.reason } };
    if (r.status === 'failed') {
      return {
        ok: false,
        result: { result: 'failed', step: gate.id, reason: r.reason, error: r.error },
      };
    }
  }
  // Every gate passed; the narrowing below only satisfies the compiler.
  const w = workspace.result,
    n = name.result,
    i = image.result,
    m = instance.result,
    net = network.result;
  if (
    w.status !== 'passed' ||
    n.status !== 'passed' ||
    i.status !== 'passed' ||
    m.status !== 'passed' ||
    net.status !== 'passed'
  ) {
    throw new Error('unreachable: a gate did not pass');
  }
  const meta = m.value.instance;
  const plan: ServicePlan = {
    name: n.value.name,
    ...(w.value ? { workspaceId: w.value } : {}),
    imageUri: i.value.imageUri,
    ...(i.value.framework ? { framework: i.value.framework } : {}),
    ...(i.value.command ? { command: i.value.command } : {}),
    port: spec.port,
    replicas: spec.replicas,
    instanceType: meta.InstanceType,
    resources: { cpu: meta.CPU, gpu: meta.GPUAmount, memory: Math.round(meta.Memory * 1024) },
    ...(spec.ossPath ? { ossPath: spec.ossPath } : {}),
    mountPath: spec.mountPath,
    healthCheck: spec.healthCheck,
    ...(spec.autoscale ? { autoscale: spec.autoscale } : {}),
    network: net.value,
    ...(spec.resourceGroup ? { resourceGroup: spec.resourceGroup } : {}),
  };
  const notes = [i.value.note, m.value.note].filter((x): x is string => x !== undefined);
  if (spec.serviceName.endsWith('*'))
    notes.unshift(`The service is named ${plan.name} (from ${spec.serviceName}).`);
  return { ok: true, plan, name: n.value, notes };
}
