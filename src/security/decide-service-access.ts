import type { AccessDecision, AccessPolicy } from './access-policy.js';

/** One person asking to act on one service, with what the service's labels say about it. */
export interface ServiceAccessRequest {
  readonly userId: string;
  /** e.g. "stop"; named in the refusal. */
  readonly verb: string;
  readonly serviceName: string;
  /** The `eas-deploy.owner` label; undefined when the service does not carry the bot's labels. */
  readonly owner: string | undefined;
}

/**
 * The per-service rule, next to decideAccess in the same decision module: a lifecycle command is
 * for services the bot made (they carry its labels), and for their owner or EAS_ADMIN_USERS.
 * Pure; callers audit a refusal and tell the person its reason.
 */
export function decideServiceAccess(
  policy: Pick<AccessPolicy, 'admins'>,
  request: ServiceAccessRequest,
): AccessDecision {
  const name = `\`${request.serviceName}\``;
  if (request.owner === undefined) {
    return {
      allowed: false,
      reason: `${name} was not made by eas-deploy (it has no eas-deploy labels), so I will not ${request.verb} it.`,
    };
  }
  if (request.userId === request.owner || (policy.admins ?? []).includes(request.userId)) {
    return { allowed: true };
  }
  return {
    allowed: false,
    reason: `Only ${name}'s owner <@${request.owner}> or an eas-deploy admin (EAS_ADMIN_USERS) may ${request.verb} it.`,
  };
}
