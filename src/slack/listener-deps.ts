import type { SlackOutbox } from '../report/slack-outbox.js';
import type { ApprovalStore } from '../security/approval-store.js';
import type { AuditLog } from '../security/audit-log.js';
import type { UsergroupMembers } from '../security/usergroup-members.js';
import type { SlackPorts } from './ports.js';

/** What the Approve/Reject buttons need: the store, and a way to wake the parked job. */
export interface ApprovalListenerDeps {
  readonly store: ApprovalStore;
  readonly promote: (deploymentId: string) => Promise<void>;
  readonly now?: () => number;
}

/** What every listener needs: the ports, the region list and the audit log (access is decided before). */
export interface ListenerDeps {
  readonly ports: SlackPorts;
  /** Every message the listeners send (private replies, edits of clicked messages) goes here. */
  readonly outbox: SlackOutbox;
  readonly regions: readonly string[];
  /** The user-group cache the access check reads; a group's change event empties it. */
  readonly members?: UsergroupMembers;
  /** Where requests and denials are recorded; absent in tests that do not look. */
  readonly audit?: AuditLog;
  /** Wired when approvals are possible (the bot runtime always wires them). */
  readonly approvals?: ApprovalListenerDeps;
  /** EAS_PRICE_TABLE: "USD 1.20/h" for an instance type the table prices. */
  readonly priceOf?: (instanceType: string) => string | undefined;
  /** EAS_DEFAULT_TTL: the lifetime the modal proposes. */
  readonly defaultTtl?: string;
  /** How long a submission, a command or an option load waits for its port before answering without it. */
  readonly ackBudgetMs: number;
}

/** Regions offered in the modal when none are configured. */
export const DEFAULT_REGIONS: readonly string[] = [
  'cn-hangzhou',
  'cn-shanghai',
  'cn-beijing',
  'cn-shenzhen',
  'cn-wulanchabu',
  'cn-hongkong',
  'ap-southeast-1',
  'ap-northeast-1',
  'us-west-1',
  'us-east-1',
  'eu-central-1',
];
