import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { RedisClient } from '../queue/redis-connection.js';
import { type AccessPolicy, buildAccessPolicy } from '../security/access-policy.js';
import { type ApprovalStore, createApprovalStore } from '../security/approval-store.js';
import { type AuditLog, createAuditLog } from '../security/audit-log.js';
import { collectKnownSecrets } from '../security/known-secrets.js';

/** The governance pieces both runtimes share: who may deploy, the approval store, the audit log. */
export interface Governance {
  readonly policy: AccessPolicy;
  readonly approvals: ApprovalStore;
  readonly audit: AuditLog;
}

/** Builds the governance pieces on one Redis connection, under the install's key prefix. */
export function createGovernance(
  redis: RedisClient,
  config: Config,
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Governance {
  const policy = buildAccessPolicy(config);
  return {
    policy,
    approvals: createApprovalStore(redis, config.QUEUE_PREFIX, { approvers: policy.approvers }),
    audit: createAuditLog({
      redis,
      prefix: config.QUEUE_PREFIX,
      logger,
      maxEntries: config.EAS_AUDIT_MAX_ENTRIES,
      // The Slack tokens and cloud credentials are removed from every entry by value too.
      knownSecrets: collectKnownSecrets({ ...env, ...secretsOf(config) }),
    }),
  };
}

/** The secret values of the configuration, named so collectKnownSecrets picks them up. */
function secretsOf(config: Config): Record<string, string> {
  return Object.fromEntries(
    (['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] as const).flatMap((name) =>
      config[name] ? [[name, String(config[name])]] : [],
    ),
  );
}
