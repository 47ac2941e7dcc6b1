import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { buildCommandProblem } from '../../blocks/answers.js';
import { buildHomeView } from '../../blocks/home-view.js';
import { buildNoticeView } from '../../blocks/notice-view.js';
import type { SlackOutbox } from '../report/slack-outbox.js';
import { tellPrivately } from '../report/tell-privately.js';
import type { AccessPolicy } from '../security/access-policy.js';
import type { AuditLog } from '../security/audit-log.js';
import { checkAccess } from '../security/check-access.js';
import type { UsergroupMembers } from '../security/usergroup-members.js';
import { type GuardedRequest, readAccessRequest } from './read-access-request.js';

export interface GuardAccessDeps {
  readonly access: AccessPolicy;
  /** Resolves user-group membership (cached, fail-closed); absent = groups cannot be checked. */
  readonly members?: UsergroupMembers;
  /** Where a refused click is told why, privately. */
  readonly outbox: SlackOutbox;
  readonly audit?: AuditLog;
}

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;
type Ack = (answer?: unknown) => Promise<void>;

/** Answers a refusal the way the surface allows: it must still acknowledge within Slack's 3 s. */
async function answerRefusal(
  deps: GuardAccessDeps,
  args: Args,
  request: GuardedRequest,
  reason: string,
): Promise<void> {
  // Each surface's ack takes its own answer type (Bolt types them apart); the switch pairs them.
  const ack = ('ack' in args ? args.ack : undefined) as Ack | undefined;
  switch (request.surface) {
    case 'command':
      return ack?.({ response_type: 'ephemeral', ...buildCommandProblem(reason) });
    case 'view':
      return ack?.({ response_action: 'push', view: buildNoticeView('Not allowed', reason) });
    case 'options':
      return ack?.({ options: [] });
    case 'action':
      await ack?.();
      return tellPrivately(deps.outbox, request, buildCommandProblem(reason));
    case 'home':
      // As the Home listener publishes its tab: through Bolt's client.
      await args.client.views.publish({ user_id: request.userId, view: buildHomeView([], reason) });
  }
}

/**
 * Bolt global middleware: the one access check in front of every surface (commands, views, option
 * loads, buttons, App Home). A refusal is answered on that surface and recorded as an audit denial;
 * the listeners behind it never see the request.
 */
export function guardAccess(deps: GuardAccessDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const request = readAccessRequest(args.body);
    if (!request) return args.next();
    const decision = await checkAccess(deps.access, deps.members, request);
    if (decision.allowed) return args.next();
    if (decision.cause) {
      args.logger.warn(
        `user-group membership of ${request.userId} could not be checked: ${decision.cause}`,
      );
    }
    await deps.audit?.append({
      kind: 'denial',
      userId: request.userId,
      ...(request.channelId ? { channelId: request.channelId } : {}),
      action: request.action,
      reason: decision.reason,
    });
    await answerRefusal(deps, args, request, decision.reason);
  };
}
