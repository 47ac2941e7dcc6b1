import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildCommandProblem, buildHelpMessage } from '../../../../blocks/answers.js';
import { checkSlackAccess, type GuardedAction } from '../../check-access.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { answerAudit } from './answer-audit.js';
import { answerLifecycle } from './answer-lifecycle.js';
import { answerList } from './answer-list.js';
import { answerStatus } from './answer-status.js';
import { openDeployModal } from './open-deploy-modal.js';
import { parseCommandText } from './parse-command-text.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** Checks who may act before anything is done; a refusal is a private answer (and an audit entry). */
async function refused(deps: ListenerDeps, args: Args, action: GuardedAction): Promise<boolean> {
  const who = { userId: args.command.user_id, channelId: args.command.channel_id };
  const access = await checkSlackAccess(deps, who, action);
  if (access.ok) return false;
  await args.ack({ response_type: 'ephemeral', ...buildCommandProblem(access.message) });
  return true;
}

/** `/eas-deploy …`: routes the text to the modal, help, status, list, audit or a lifecycle command; anything else gets a clear answer. */
export function handleDeployCommand(deps: ListenerDeps) {
  return async (args: Args): Promise<void> => {
    const request = parseCommandText(args.command.text ?? '');
    switch (request.kind) {
      case 'open':
        if (await refused(deps, args, 'command')) return;
        return openDeployModal(deps, args, request.prefill);
      case 'help':
        return args.ack({ response_type: 'ephemeral', ...buildHelpMessage() });
      case 'status':
        if (await refused(deps, args, 'status')) return;
        return answerStatus(deps, args, request.serviceName, request.region);
      case 'list':
        if (await refused(deps, args, 'list')) return;
        return answerList(deps, args, request.region);
      case 'audit':
        return answerAudit(deps, args, request.count);
      case 'lifecycle':
        if (await refused(deps, args, 'lifecycle')) return;
        return answerLifecycle(deps, args, request.request);
      case 'invalid':
        return args.ack({ response_type: 'ephemeral', ...buildCommandProblem(request.message) });
    }
  };
}
