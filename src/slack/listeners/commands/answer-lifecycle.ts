import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildCommandProblem } from '../../../../blocks/answers.js';
import {
  buildDeleteConfirmation,
  buildQueuedNotice,
} from '../../../../blocks/lifecycle-messages.js';
import { ACTION_WORDS, type LifecycleRequest } from '../../../lifecycle/lifecycle-request.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { answerInTime } from './answer-in-time.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * `/eas-deploy stop|start|restart|scale|extend|rollback <service> …`: queued as one job (the
 * answer lands in the service's thread); `delete` first asks for a confirmation naming the
 * service, and nothing is queued until it is pressed.
 */
export async function answerLifecycle(
  deps: ListenerDeps,
  args: Args,
  request: LifecycleRequest,
): Promise<void> {
  const port = deps.ports.lifecycle;
  if (!port) {
    return args.ack({
      response_type: 'ephemeral',
      ...buildCommandProblem('Lifecycle commands are not enabled on this bot.'),
    });
  }
  if (request.action === 'delete') {
    return args.ack({
      response_type: 'ephemeral',
      ...buildDeleteConfirmation(request.region ?? '', request.service),
    });
  }
  const { command } = args;
  const queued = port
    .submit(request, { userId: command.user_id, channelId: command.channel_id }, [
      'command',
      command.team_id ?? '',
      command.trigger_id,
    ])
    .then((answer) =>
      answer.ok
        ? buildQueuedNotice(ACTION_WORDS[request.action].verb, request.service)
        : buildCommandProblem(answer.message),
    );
  await answerInTime(
    deps,
    args,
    queued,
    `Queueing: ${ACTION_WORDS[request.action].verb} \`${request.service}\`…`,
  );
}
