import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildCommandProblem, buildHelpMessage } from '../../../../blocks/answers.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { answerAudit } from './answer-audit.js';
import { answerLifecycle } from './answer-lifecycle.js';
import { answerList } from './answer-list.js';
import { answerStatus } from './answer-status.js';
import { openDeployModal } from './open-deploy-modal.js';
import { parseCommandText } from './parse-command-text.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * `/eas-deploy …`: routes the text to the modal, help, status, list, audit or a lifecycle command;
 * anything else gets a clear answer. Who may do what was decided before (src/slack/guard-access.ts);
 * which service a lifecycle command may touch, the job decides from its labels.
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
      case 'lifecycle':
        return answerLifecycle(deps, args, request.request);
      case 'invalid':
        return args.ack({ response_type: 'ephemeral', ...buildCommandProblem(request.message) });
    }
  };
}
