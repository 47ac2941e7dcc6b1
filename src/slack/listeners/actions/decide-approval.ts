import { buildCommandProblem } from '../../../../blocks/answers.js';
import { buildApprovalClosedMessage } from '../../../../blocks/approval-message.js';
import type { SlackOutbox } from '../../../report/slack-outbox.js';
import { tellPrivately } from '../../../report/tell-privately.js';
import { recordApprovalClick } from '../../../security/approval-click.js';
import type { AuditLog } from '../../../security/audit-log.js';
import type { ApprovalListenerDeps } from '../../listener-deps.js';
import type { ButtonArgs } from './action-args.js';

/**
 * Approve / Reject on an approval request: the store decides (approvers only, never the requester,
 * bound to the service-JSON hash); a new decision replaces the buttons and wakes the job, a refusal
 * is told privately to the clicker. An expired request loses its buttons too.
 */
export function decideApproval(
  approvals: ApprovalListenerDeps,
  audit: AuditLog,
  outbox: SlackOutbox,
) {
  return async ({ ack, body, action }: ButtonArgs): Promise<void> => {
    await ack();
    const answer = await recordApprovalClick(
      { store: approvals.store, audit, promote: approvals.promote, now: approvals.now ?? Date.now },
      { actionId: action.action_id, value: action.value ?? '', userId: body.user.id },
    );
    const threadTs = body.message?.thread_ts ?? body.message?.ts;
    const where = {
      userId: body.user.id,
      ...(body.channel?.id ? { channelId: body.channel.id } : {}),
      ...(typeof threadTs === 'string' ? { threadTs } : {}),
    };
    const messageTs = body.message?.ts;
    const update = async (message: ReturnType<typeof buildApprovalClosedMessage>) => {
      if (!body.channel?.id || typeof messageTs !== 'string') return;
      await outbox.edit({ channel: body.channel.id, ts: messageTs }, message, { final: true });
    };
    if (!answer.ok) {
      if (answer.code === 'expired') {
        const stored = await approvals.store.get(readDeploymentId(action.value));
        if (stored) await update(buildApprovalClosedMessage(stored.request, { kind: 'expired' }));
      }
      return tellPrivately(outbox, where, buildCommandProblem(answer.message));
    }
    if (answer.alreadyRecorded) return;
    const kind = answer.decision.decision === 'approve' ? 'approved' : 'rejected';
    await update(
      buildApprovalClosedMessage(answer.request, { kind, by: answer.decision.approverId }),
    );
  };
}

/** The deployment id of a button value, or '' (the store then finds nothing). */
function readDeploymentId(value: string | undefined): string {
  const match = /"deploymentId":"([dl]-[a-z0-9]{6,32})"/.exec(value ?? '');
  return match?.[1] ?? '';
}
