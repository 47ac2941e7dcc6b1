import type { CallDeps } from '../aliyun/call-cli.js';
import { buildUserAgent, type CallTarget } from '../aliyun/commands.js';
import { buildServiceJson, type ServicePlan } from './build-service-json.js';
import { checkServiceJson } from './check-service-json.js';
import { createService } from './create-service.js';
import type { DeploySpec } from './deploy-spec.js';
import type { EngineContext, EngineOutcome } from './engine-context.js';
import { finishDeployment } from './finish-deployment.js';
import { Journal } from './journal.js';
import { resumeDeployment } from './resume-deployment.js';
import { runGates } from './run-gates.js';
import { createStepTracker, type StepTracker } from './step-tracker.js';

/** Facts a resumed job needs for its summary; small and secret-free. */
function rememberPlan(journal: Journal, plan: ServicePlan, notes: readonly string[]): void {
  journal.resolvedServiceName = plan.name;
  journal.facts.imageUri = plan.imageUri;
  journal.facts.instanceType = plan.instanceType;
  journal.facts.networkMode = plan.network.mode;
  journal.facts.notes = JSON.stringify(notes);
  if (plan.workspaceId) journal.facts.workspaceId = plan.workspaceId;
}

async function skipRest(tracker: StepTracker, detail: string): Promise<void> {
  for (const id of ['create', 'status', 'endpoints'] as const) {
    await tracker.finish(id, { status: 'skipped', detail });
  }
}

/** Runs one deployment: the read-only gates at once, create (the only change), status, endpoints, summary. */
export async function runDeployment(spec: DeploySpec, ctx: EngineContext): Promise<EngineOutcome> {
  const journal = Journal.parse(structuredClone(ctx.journal));
  const tracker = createStepTracker(ctx, journal);
  const deps: CallDeps = {
    cli: ctx.cli,
    caller: { deploymentId: ctx.deploymentId },
    ...(ctx.sleep ? { sleep: ctx.sleep } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
  const t: CallTarget = { region: spec.region, userAgent: buildUserAgent(ctx.deploymentId) };
  if (journal.createAttempted && journal.resolvedServiceName) {
    const resumed = await resumeDeployment(deps, t, spec, journal, tracker, ctx.deploymentId);
    if (resumed) return { ...resumed, journal };
  }
  const gates = await runGates(deps, t, spec, journal, tracker, {
    deploymentId: ctx.deploymentId,
    random: ctx.random ?? Math.random,
  });
  if (!gates.ok) {
    await skipRest(tracker, 'Stopped before create: nothing was changed.');
    return { result: gates.result, journal };
  }
  const { plan, notes } = gates;
  rememberPlan(journal, plan, notes);
  const json = buildServiceJson(plan);
  const problems = checkServiceJson(json);
  if (problems.length > 0) {
    const reason = `The service JSON breaks the spec's rules: ${problems.join('; ')}`;
    await skipRest(tracker, reason);
    return { result: { result: 'failed', step: 'create', reason }, journal };
  }
  if (spec.dryRun) {
    await skipRest(tracker, 'Dry run: nothing was created.');
    const serviceJson = JSON.stringify(json, null, 2);
    return {
      result: {
        result: 'dry-run',
        serviceName: plan.name,
        region: spec.region,
        serviceJson,
        notes,
      },
      journal,
    };
  }
  if (gates.name.ours) {
    // A re-run after a crash found the service it created before: never create it twice.
    await tracker.finish('create', {
      status: 'passed',
      detail: 'Created earlier by this deployment',
    });
    const created = {
      name: plan.name,
      serviceId: gates.name.ours.ServiceId ?? '',
      notes,
      ...pick(plan),
    };
    const finished = await finishDeployment(deps, t, spec, created, tracker);
    return { ...finished, journal };
  }
  if (ctx.approve) {
    // Saved first: a parked job re-runs the gates later and must build the same JSON (same name).
    await ctx.saveJournal(journal);
    const answer = await ctx.approve({ serviceJson: JSON.stringify(json), plan });
    if (!answer.proceed) {
      await skipRest(tracker, answer.reason);
      return { result: { result: 'blocked', step: 'approval', reason: answer.reason }, journal };
    }
  }
  if (ctx.signal?.aborted) {
    await skipRest(tracker, 'Cancelled before create: nothing was changed.');
    return {
      result: {
        result: 'failed',
        step: 'create',
        reason: 'The deployment was cancelled before create.',
      },
      journal,
    };
  }
  await tracker.start('create');
  journal.createAttempted = true;
  await ctx.saveJournal(journal);
  const outcome = await createService(deps, t, plan, ctx.deploymentId, ctx.labels);
  if (outcome.status !== 'created') {
    await tracker.finish('create', outcome);
    for (const id of ['status', 'endpoints'] as const) {
      await tracker.finish(id, { status: 'skipped', detail: 'The service was not created.' });
    }
    const result =
      outcome.status === 'blocked'
        ? ({ result: 'blocked', step: 'create', reason: outcome.reason } as const)
        : ({
            result: 'failed',
            step: 'create',
            reason: outcome.reason,
            error: outcome.error,
          } as const);
    return { result, journal };
  }
  journal.serviceId = outcome.serviceId;
  const allNotes = outcome.note ? [...notes, outcome.note] : notes;
  await tracker.finish('create', { status: 'passed', detail: outcome.note ?? outcome.serviceId });
  await ctx.saveJournal(journal);
  const created = {
    name: plan.name,
    serviceId: outcome.serviceId,
    notes: allNotes,
    ...pick(outcome.plan),
    ...(outcome.service ? { service: outcome.service } : {}),
  };
  const finished = await finishDeployment(deps, t, spec, created, tracker);
  return { ...finished, journal };
}

const pick = (plan: ServicePlan) => ({
  network: plan.network,
  ...(plan.workspaceId ? { workspaceId: plan.workspaceId } : {}),
  ...(plan.framework ? { framework: plan.framework } : {}),
});
