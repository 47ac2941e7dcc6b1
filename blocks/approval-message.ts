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

const CLOSED_LINE: Record<ApprovalClosed['kind'], (by?: string) => string> = {
  approved: (by) => `:white_check_mark: Approved by <@${by}>; the deployment goes ahead.`,
  rejected: (by) => `:no_entry: Rejected by <@${by}>; nothing was created.`,
  expired: () => ':hourglass: Expired: nobody approved in time; nothing was created.',
  'no-approver': () => ':no_entry: No approver could approve this; nothing was created.',
};

/** The same request after a decision or expiry: the buttons are replaced by what happened. */
export function buildApprovalClosedMessage(
  request: ApprovalRequest,
  closed: ApprovalClosed,
): SlackMessage {
  const line = CLOSED_LINE[closed.kind]('by' in closed ? closed.by : undefined);
  return {
    text: `${line} (${request.summary.split('\n')[0] ?? ''})`,
    blocks: [headline(request), section(line)],
  };
}
