import {
  buildApprovalClosedMessage,
  buildApprovalRequestMessage,
} from '../../blocks/approval-message.js';
import type { ApprovalHookDeps } from '../queue/approval-hook.js';
import type { SlackOutbox } from './slack-outbox.js';

/** The service JSON as an approver reads it: indented (the outbox redacts it, like every message). */
const showJson = (serviceJson: string): string => JSON.stringify(JSON.parse(serviceJson), null, 2);

/**
 * Posts approval requests in a deployment's thread and closes them: posts and final edits, so
 * they never wait behind progress edits.
 */
export function createApprovalPoster(
  outbox: SlackOutbox,
  approvers: readonly string[],
  onError: (error: unknown) => void,
): Pick<ApprovalHookDeps, 'postRequest' | 'closeRequest'> {
  return {
    postRequest: (where, request, serviceJson) =>
      outbox.post(
        { channel: where.channelId, ...(where.threadTs ? { threadTs: where.threadTs } : {}) },
        buildApprovalRequestMessage({ request, serviceJson: showJson(serviceJson), approvers }),
      ),
    async closeRequest(posted, request, closed) {
      const message = buildApprovalClosedMessage(request, closed);
      await outbox
        .edit({ channel: posted.channelId, ts: posted.ts }, message, { final: true })
        .catch(onError);
    },
  };
}
