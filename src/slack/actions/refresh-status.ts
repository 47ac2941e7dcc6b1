import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { buildCommandProblem, buildStatusAnswer } from '../../../blocks/answers.js';
import type { ListenerDeps } from '../listener-deps.js';
import { readMessageAction } from './read-message-action.js';
import { replyPrivately } from './reply-privately.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** "Refresh status": exactly one describe-service per click, answered to the clicker. */
export function refreshStatus(deps: ListenerDeps) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const click = readMessageAction(body, action);
    const record = await deps.ports.history.get(click.deploymentId);
    if (!record) {
      return replyPrivately(
        client,
        click,
        buildCommandProblem('I no longer have a record of that deployment.'),
      );
    }
    const answer = await deps.ports.status.describe(record.serviceName, record.region);
    await replyPrivately(
      client,
      click,
      answer.ok ? buildStatusAnswer(answer.status) : buildCommandProblem(answer.message),
    );
  };
}
