import type { types } from '@slack/bolt';
import {
  APPROVE_ACTION_ID,
  encodeApprovalButtonValue,
  REJECT_ACTION_ID,
} from '../src/security/approval-click.js';
import type { ApprovalClosed, ApprovalRequest } from '../src/security/approval-request.js';
import type { SlackMessage } from './progress-message.js';
import { button, context, escapeMrkdwn, section } from './text.js';

/** Longest service JSON shown in full; longer ones show their key facts only (section limit 3000). */
const MAX_JSON_SHOWN = 2_600;

export interface ApprovalRequestView {
  readonly request: ApprovalRequest;
  /** The exact service JSON create-service will send (already redacted by the caller). */
  readonly serviceJson: string;
  readonly approvers: readonly string[];
}

const mention = (ids: readonly string[]) => ids.map((id) => `<@${id}>`).join(', ');

/** Slack's localised date: every reader sees the expiry in their own time zone. */
const when = (ms: number) =>
  `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${new Date(ms).toISOString()}>`;

function headline(request: ApprovalRequest): types.SectionBlock {
  const [first = '', ...rest] = request.summary.split('\n');
  return section(
    `*Approval needed* for ${escapeMrkdwn(first)} (asked by <@${request.requesterId}>)\n${escapeMrkdwn(rest.join(' '))}`,
  );
}

/** The request in the thread: what will be created, who may approve, until when, and the two buttons. */
export function buildApprovalRequestMessage(view: ApprovalRequestView): SlackMessage {
  const { request } = view;
  const value = encodeApprovalButtonValue({
    deploymentId: request.deploymentId,
    serviceJsonHash: request.serviceJsonHash,
  });
  const json =
    view.serviceJson.length <= MAX_JSON_SHOWN
      ? `\`\`\`${view.serviceJson}\`\`\``
      : '_The service JSON is too long to show here; the summary above has its key facts._';
  const approve = { ...button('Approve', APPROVE_ACTION_ID, value), style: 'primary' as const };
  const reject = { ...button('Reject', REJECT_ACTION_ID, value), style: 'danger' as const };
  return {
    text: `Approval needed: ${request.summary.split('\n')[0] ?? ''}`,
    blocks: [
      headline(request),
      section(json),
      context(
        `Who may approve: ${mention(view.approvers.filter((a) => a !== request.requesterId))} (not the requester). ` +
          `Expires ${when(request.expiresAt)}. Approval binds this exact service JSON (sha256 ${request.serviceJsonHash.slice(0, 12)}…).`,
      ),
      { type: 'actions', elements: [approve, reject] },
    ],
  };
}

/** A lifecycle operation's request (`l-…`) goes ahead or changes nothing; a deployment creates. */
const closedLine = (kind: ApprovalClosed['kind'], by: string | undefined, lifecycle: boolean) => {
  const ahead = lifecycle ? 'it goes ahead' : 'the deployment goes ahead';
  const nothing = lifecycle ? 'nothing was changed' : 'nothing was created';
  switch (kind) {
    case 'approved':
      return `:white_check_mark: Approved by <@${by}>; ${ahead}.`;
    case 'rejected':
      return `:no_entry: Rejected by <@${by}>; ${nothing}.`;
    case 'expired':
      return `:hourglass: Expired: nobody approved in time; ${nothing}.`;
    case 'no-approver':
      return `:no_entry: No approver could approve this; ${nothing}.`;
  }
};

/** The same request after a decision or expiry: the buttons are replaced by what happened. */
export function buildApprovalClosedMessage(
  request: ApprovalRequest,
  closed: ApprovalClosed,
): SlackMessage {
  const by = 'by' in closed ? closed.by : undefined;
  const line = closedLine(closed.kind, by, request.deploymentId.startsWith('l-'));
  return {
    text: `${line} (${request.summary.split('\n')[0] ?? ''})`,
    blocks: [headline(request), section(line)],
  };
}
