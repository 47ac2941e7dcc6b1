import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { RedisClient } from '../queue/redis-connection.js';
import { type AccessPolicy, buildAccessPolicy } from '../security/access-policy.js';
import { type ApprovalStore, createApprovalStore } from '../security/approval-store.js';
import { type AuditLog, createAuditLog } from '../security/audit-log.js';

/** The governance pieces both runtimes share: who may deploy, the approval store, the audit log. */
export interface Governance {
  readonly policy: AccessPolicy;
  readonly approvals: ApprovalStore;
  readonly audit: AuditLog;
}

/** Builds the governance pieces on one Redis connection, under the install's key prefix. */
export function createGovernance(redis: RedisClient, config: Config, logger: Logger): Governance {
  const policy = buildAccessPolicy(config);
  return {
    policy,
    approvals: createApprovalStore(redis, config.QUEUE_PREFIX, { approvers: policy.approvers }),
    audit: createAuditLog({
      redis,
      prefix: config.QUEUE_PREFIX,
      logger,
      maxEntries: config.EAS_AUDIT_MAX_ENTRIES,
    }),
  };
}
