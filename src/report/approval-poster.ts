import type { webApi } from '@slack/bolt';
import {
  buildApprovalClosedMessage,
  buildApprovalRequestMessage,
} from '../../blocks/approval-message.js';
import type { ApprovalHookDeps } from '../queue/approval-hook.js';
import { redactValue } from '../redact.js';

/** The service JSON as an approver reads it: indented (the message is redacted as it is sent). */
const showJson = (serviceJson: string): string => JSON.stringify(JSON.parse(serviceJson), null, 2);

/** Posts approval requests in a deployment's thread and closes them, through the Web API, redacted. */
export function createApprovalPoster(
  client: webApi.WebClient,
  approvers: readonly string[],
  onError: (error: unknown) => void,
): Pick<ApprovalHookDeps, 'postRequest' | 'closeRequest'> {
  return {
    async postRequest(where, request, serviceJson) {
      const message = buildApprovalRequestMessage({
        request,
        serviceJson: showJson(serviceJson),
        approvers,
      });
      const posted = await client.chat.postMessage({
        channel: where.channelId,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
        ...redactValue(message),
      });
      return posted.ts;
    },
    async closeRequest(posted, request, closed) {
      const message = buildApprovalClosedMessage(request, closed);
      await client.chat
        .update({ channel: posted.channelId, ts: posted.ts, ...redactValue(message) })
        .catch(onError);
    },
  };
}
