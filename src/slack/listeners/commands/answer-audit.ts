import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildCommandProblem } from '../../../../blocks/answers.js';
import { buildAuditAnswer } from '../../../../blocks/audit-answer.js';
import { redactMessage } from '../../../report/redact-message.js';
import { canReadAudit } from '../../../security/access-policy.js';
import type { ListenerDeps } from '../../listener-deps.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

const REFUSAL =
  'Only the approvers of eas-deploy (EAS_APPROVERS) can read the audit log. Ask one of them.';

/** `/eas-deploy audit [n]`: the newest audit entries, privately, to approvers only. */
export async function answerAudit(deps: ListenerDeps, args: Args, count: number): Promise<void> {
  const userId = args.command.user_id;
  if (!canReadAudit(deps.access, userId) || !deps.audit) {
    await args.ack({ response_type: 'ephemeral', ...buildCommandProblem(REFUSAL) });
    await deps.audit?.append({
      kind: 'denial',
      userId,
      channelId: args.command.channel_id,
      action: 'audit',
      reason: 'not an approver',
    });
    return;
  }
  await args.ack();
  const entries = await deps.audit.recentAudit(count);
  const answer = redactMessage(buildAuditAnswer(entries, count));
  await args.respond({ response_type: 'ephemeral', ...answer });
}
