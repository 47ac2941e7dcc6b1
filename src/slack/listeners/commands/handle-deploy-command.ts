import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildCommandProblem, buildHelpMessage } from '../../../../blocks/answers.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { answerAudit } from './answer-audit.js';
import { answerList } from './answer-list.js';
import { answerStatus } from './answer-status.js';
import { openDeployModal } from './open-deploy-modal.js';
import { parseCommandText } from './parse-command-text.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * `/eas-deploy …`: routes the text to the modal, help, status, list or audit; anything else gets a
 * clear answer. Who may do what was decided before (src/slack/guard-access.ts).
 */
export function handleDeployCommand(deps: ListenerDeps) {
  return async (args: Args): Promise<void> => {
    const request = parseCommandText(args.command.text ?? '');
    switch (request.kind) {
      case 'open':
        return openDeployModal(deps, args, request.prefill);
      case 'help':
        return args.ack({ response_type: 'ephemeral', ...buildHelpMessage() });
      case 'status':
        return answerStatus(deps, args, request.serviceName, request.region);
      case 'list':
        return answerList(deps, args, request.region);
      case 'audit':
        return answerAudit(deps, args, request.count);
      case 'invalid':
        return args.ack({ response_type: 'ephemeral', ...buildCommandProblem(request.message) });
    }
  };
}
