import type { CallDeps } from '../aliyun/call-cli.js';
import type { CallTarget } from '../aliyun/commands.js';
import { buildLifecycleUserAgent } from '../aliyun/lifecycle-commands.js';
import { actOnService, writeExpiry } from './act-on-service.js';
import { readBotLabels } from './bot-labels.js';
import { decideAction } from './decide-action.js';
import { askLifecycleApproval } from './lifecycle-approval.js';
import type { LifecycleContext } from './lifecycle-context.js';
import { checkLifecycleGate, rememberFacts } from './lifecycle-gate.js';
import { LifecycleJournal, type LifecycleOutcome } from './lifecycle-journal.js';
import { ACTION_WORDS, type LifecycleRequest } from './lifecycle-request.js';
import { readService } from './read-service.js';
import { failedOutcome, reconcileChange } from './reconcile-change.js';
import { resolveTarget } from './resolve-target.js';

export interface LifecycleRun {
  readonly outcome: LifecycleOutcome;
  readonly journal: LifecycleJournal;
}

/**
 * One lifecycle operation, step by step: find the region, read the service (the cloud is the
 * truth), check its labels and who asks, work out the target once, act only when the service is
 * not already there (asking an approver first when the rules say so), write a new expiry. The
 * journal is saved before the changing call, so a re-run after a crash at any step changes the
 * cloud at most once. Reporting and the schedule are the worker's.
 */
export async function runLifecycle(
  request: LifecycleRequest,
  ctx: LifecycleContext,
): Promise<LifecycleRun> {
  const journal = LifecycleJournal.parse(structuredClone(ctx.journal));
  if (journal.outcome) return { outcome: journal.outcome, journal };
  const region = request.region ?? journal.region ?? (await ctx.findRegion(request.service));
  const outcome: LifecycleOutcome = region
    ? await runSteps(request, ctx, journal, region)
    : {
        result: 'blocked',
        reason: `I could not find \`${request.service}\` in any region I know; add its region, e.g. \`/eas-deploy ${request.action} ${request.service} cn-hangzhou\`.`,
      };
  journal.outcome = outcome;
  await ctx.saveJournal(journal);
  return { outcome, journal };
}

async function runSteps(
  request: LifecycleRequest,
  ctx: LifecycleContext,
  journal: LifecycleJournal,
  region: string,
): Promise<LifecycleOutcome> {
  journal.region = region;
  const deps: CallDeps = {
    cli: ctx.cli,
    ...(ctx.caller ? { caller: ctx.caller } : {}),
    ...(ctx.sleep ? { sleep: ctx.sleep } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
  const t: CallTarget = { region, userAgent: buildLifecycleUserAgent(ctx.opId) };
  const name = request.service;
  const read = await readService(deps, t, name);
  if (read.kind === 'error') return failedOutcome(`Reading \`${name}\` failed`, read.error);
  if (read.kind === 'absent') {
    return request.action === 'delete' && journal.attemptedAt !== undefined
      ? { result: 'done', changed: true, detail: 'deleted' }
      : { result: 'blocked', reason: `There is no service named \`${name}\` in ${region}.` };
  }
  const { service } = read;
  const labels = readBotLabels(service.Labels);
  const refusal = await checkLifecycleGate(request, ctx.actor, { admins: ctx.admins }, labels);
  if (refusal || !labels) return { result: 'refused', reason: refusal ?? 'No labels.' };
  rememberFacts(journal, service, labels);
  if (!journal.target) {
    const now = ctx.now();
    const input = { request, service, labels, defaultLifetime: ctx.defaultLifetime, now };
    const resolved = await resolveTarget(deps, t, input);
    if (!resolved.ok) return { result: 'blocked', reason: resolved.reason };
    journal.target = resolved.target;
    await ctx.saveJournal(journal);
  }
  const target = journal.target;
  const decision = decideAction({
    action: request.action,
    target,
    service,
    ...(labels.expiresAtLabel !== undefined ? { expiresAtLabel: labels.expiresAtLabel } : {}),
    ...(journal.attemptedAt !== undefined ? { attemptedAt: journal.attemptedAt } : {}),
  });
  if (decision.kind === 'blocked') return { result: 'blocked', reason: decision.reason };
  if (decision.kind === 'act') {
    const no = await askLifecycleApproval(ctx, { request, region, service, target });
    if (no) return no;
    journal.attemptedAt = ctx.now();
    await ctx.saveJournal(journal);
    const acted = await actOnService(deps, t, { action: request.action, name, target, labels });
    if (!acted.ok) return reconcileChange(deps, t, request, journal, acted.error);
  }
  // Started after its expiry: the fresh expiry, written whether or not this run did the start.
  if (
    request.action === 'start' &&
    target.expiresAt &&
    labels.expiresAtLabel !== target.expiresAt
  ) {
    const written = await writeExpiry(deps, t, name, labels, target.expiresAt);
    if (!written.ok) return failedOutcome('Writing the new expiry failed', written.error);
  }
  if (target.expiresAt) journal.facts.expiresAt = target.expiresAt;
  const changed = decision.kind === 'act' || journal.attemptedAt !== undefined;
  const detail = decision.kind === 'done' ? decision.detail : ACTION_WORDS[request.action].done;
  return { result: 'done', changed, detail };
}
