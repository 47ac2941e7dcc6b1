import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildAuditAnswer } from '../../../../blocks/audit-answer.js';
import { redactValue } from '../../../redact.js';
import type { ListenerDeps } from '../../listener-deps.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/eas-deploy audit [n]`: the newest audit entries, privately (approvers only: guard-access). */
export async function answerAudit(deps: ListenerDeps, args: Args, count: number): Promise<void> {
  await args.ack();
  const entries = (await deps.audit?.recentAudit(count)) ?? [];
  const answer = redactValue(buildAuditAnswer(entries, count));
  await args.respond({ response_type: 'ephemeral', ...answer });
}
