import { buildCommandProblem } from '../../../../blocks/answers.js';
import { buildTokenMessage } from '../../../../blocks/token-message.js';
import { tellPrivately } from '../../../report/tell-privately.js';
import type { ListenerDeps } from '../../listener-deps.js';
import type { ButtonArgs } from './action-args.js';
import { readMessageAction } from './read-message-action.js';

/** "Send me the token again": only the requester gets it, privately; anyone else gets a polite no. */
export function resendToken(deps: ListenerDeps) {
  return async ({ ack, body, action }: ButtonArgs): Promise<void> => {
    await ack();
    const click = readMessageAction(body, action);
    const record = await deps.ports.history.get(click.deploymentId);
    if (!record || record.requesterId !== click.userId) {
      const who = record ? `<@${record.requesterId}>` : 'the person who deployed it';
      return tellPrivately(
        deps.outbox,
        click,
        buildCommandProblem(
          `Sorry, only ${who} can get this service's token. Ask them, or ask an admin.`,
        ),
      );
    }
    const answer = await deps.ports.status.fetchToken(record.deploymentId, click.userId);
    const message = answer.ok
      ? buildTokenMessage({
          serviceName: answer.serviceName,
          token: answer.token,
          deploymentId: record.deploymentId,
        })
      : buildCommandProblem(answer.message);
    // The private token message is the one message the redactor leaves as it is.
    await tellPrivately(deps.outbox, click, message, { secret: answer.ok });
  };
}
