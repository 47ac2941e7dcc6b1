import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildCommandProblem, buildHelpMessage } from '../../../blocks/answers.js';
import { checkAccess } from '../check-access.js';
import type { ListenerDeps } from '../listener-deps.js';
import { answerList } from './answer-list.js';
import { answerStatus } from './answer-status.js';
import { openDeployModal } from './open-deploy-modal.js';
import { parseCommandText } from './parse-command-text.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/eas-deploy …`: routes the text to the modal, help, status or list; anything else gets a clear answer. */
export function handleDeployCommand(deps: ListenerDeps) {
  return async (args: Args): Promise<void> => {
    const request = parseCommandText(args.command.text ?? '');
    switch (request.kind) {
      case 'open': {
        const access = checkAccess(deps.access, args.command.user_id, args.command.channel_id);
        if (!access.ok)
          return args.ack({ response_type: 'ephemeral', ...buildCommandProblem(access.message) });
        return openDeployModal(deps, args, request.prefill);
      }
      case 'help':
        return args.ack({ response_type: 'ephemeral', ...buildHelpMessage() });
      case 'status':
        return answerStatus(deps, args, request.serviceName, request.region);
      case 'list':
        return answerList(deps, args, request.region);
      case 'invalid':
        return args.ack({ response_type: 'ephemeral', ...buildCommandProblem(request.message) });
    }
  };
}
