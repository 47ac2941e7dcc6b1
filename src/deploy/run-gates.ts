import type { CallDeps } from '../aliyun/call-cli.js';
import type { CallTarget } from '../aliyun/commands.js';
import type { ServicePlan } from './build-service-json.js';
import { buildServicePlan } from './build-service-plan.js';
import { checkServiceName, type NameCheck } from './check-service-name.js';
import type { DeploySpec } from './deploy-spec.js';
import { type GateResult, passed } from './gate-result.js';
import type { Journal } from './journal.js';
import { discoverNetwork } from './network/registry.js';
import type { DeploymentResult } from './outcome.js';
import { checkImage, checkInstance, checkResourceGroup, checkWorkspace } from './read-gates.js';
import type { StepTracker } from './step-tracker.js';
import type { StepId } from './steps.js';

/** The gates' verdict: a plan to create (and notes), or the result that stops the deployment. */
export type GatesVerdict =
  | { ok: true; plan: ServicePlan; name: NameCheck; notes: string[] }
  | { ok: false; result: DeploymentResult };

type Stopped = Exclude<GateResult<unknown>, { status: 'passed' }>;

function stopAt(step: StepId, r: Stopped): GatesVerdict {
  if (r.status === 'blocked')
    return { ok: false, result: { result: 'blocked', step, reason: r.reason } };
  return { ok: false, result: { result: 'failed', step, reason: r.reason, error: r.error } };
}

/** The gate's CLI calls start at once; reporting that it started waits for no answer, so it runs beside them. */
async function runGate<T>(tracker: StepTracker, id: StepId, gate: () => Promise<GateResult<T>>) {
  const [, result] = await Promise.all([tracker.start(id), gate()]);
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
    runGate(tracker, 'network', () => discoverNetwork(deps, t, spec.network, { port: spec.port })),
    runGate(tracker, 'resource-group', () =>
      spec.resourceGroup
        ? checkResourceGroup(deps, t, spec.resourceGroup)
        : Promise.resolve(passed(undefined, 'Public resource pool')),
    ),
  ]);
  // Checked in table order, so the person reads the first reason the deployment stopped.
  const w = workspace.result;
  if (w.status !== 'passed') return stopAt('workspace', w);
  const n = name.result;
  if (n.status !== 'passed') return stopAt('name', n);
  const i = image.result;
  if (i.status !== 'passed') return stopAt('image', i);
  const m = instance.result;
  if (m.status !== 'passed') return stopAt('instance', m);
  const net = network.result;
  if (net.status !== 'passed') return stopAt('network', net);
  if (group.result.status !== 'passed') return stopAt('resource-group', group.result);
  const plan = buildServicePlan(spec, {
    name: n.value.name,
    workspaceId: w.value,
    image: i.value,
    instance: m.value.instance,
    network: net.value,
  });
  const notes = [i.value.note, m.value.note].filter((x): x is string => x !== undefined);
  if (spec.serviceName.endsWith('*')) {
    notes.unshift(`The service is named ${plan.name} (from ${spec.serviceName}).`);
  }
  return { ok: true, plan, name: n.value, notes };
}
