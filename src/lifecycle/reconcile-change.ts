import type { CallDeps } from '../aliyun/call-cli.js';
import type { CliError } from '../aliyun/cli-error.js';
import type { CallTarget } from '../aliyun/commands.js';
import { describeCliError } from '../aliyun/explain-cli-error.js';
import { readBotLabels } from './bot-labels.js';
import { decideAction } from './decide-action.js';
import type { LifecycleJournal, LifecycleOutcome } from './lifecycle-journal.js';
import { ACTION_WORDS, type LifecycleRequest } from './lifecycle-request.js';
import { failOrRetry, readService } from './read-service.js';

/** A failed step as the person reads it: what failed, and apart the CLI's (redacted) words. */
export function failedOutcome(what: string, error: CliError): LifecycleOutcome {
  return { result: 'failed', reason: `${what}.`, error: describeCliError(error) };
}

/**
 * A change the cloud refused may still have happened (an answer lost on the way): read the
 * service again and decide. A transient failure is thrown, so BullMQ runs the job again from its
 * journal — which reads first too.
 */
export async function reconcileChange(
  deps: CallDeps,
  t: CallTarget,
  request: LifecycleRequest,
  journal: LifecycleJournal,
  error: CliError,
): Promise<LifecycleOutcome> {
  const problem = failOrRetry(error);
  const read = await readService(deps, t, request.service);
  const service = read.kind === 'found' ? read.service : undefined;
  const labels = service ? readBotLabels(service.Labels) : undefined;
  const decision = decideAction({
    action: request.action,
    target: journal.target ?? {},
    service,
    ...(labels?.expiresAtLabel !== undefined ? { expiresAtLabel: labels.expiresAtLabel } : {}),
    ...(journal.attemptedAt !== undefined ? { attemptedAt: journal.attemptedAt } : {}),
  });
  if (decision.kind === 'done') return { result: 'done', changed: true, detail: decision.detail };
  return failedOutcome(`The ${ACTION_WORDS[request.action].verb} failed`, problem);
}
