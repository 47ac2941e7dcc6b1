import { checkAccess } from '../security/check-access.js';
import type { ListenerDeps } from './listener-deps.js';

export type AccessAnswer = { ok: true } | { ok: false; message: string };

/** What was attempted, for the audit entry of a refusal. */
export type GuardedAction =
  | 'command'
  | 'submission'
  | 'status'
  | 'list'
  | 'redeploy'
  | 'resend-token';

/**
 * The check every listener that acts makes first: the access policy (users, user groups via
 * Slack, cached and failing closed; channels). A refusal is recorded as an audit `denial`.
 */
export async function checkSlackAccess(
  deps: Pick<ListenerDeps, 'access' | 'members' | 'audit'>,
  who: { readonly userId: string; readonly channelId: string },
  action: GuardedAction,
): Promise<AccessAnswer> {
  const decision = await checkAccess(deps.access, deps.members, who);
  if (decision.allowed) return { ok: true };
  await deps.audit?.append({
    kind: 'denial',
    userId: who.userId,
    channelId: who.channelId,
    action,
    reason: decision.reason,
  });
  return { ok: false, message: decision.reason };
}
