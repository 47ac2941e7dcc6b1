import { buildCommandProblem } from '../../../../blocks/answers.js';
import { buildRefreshedMessage } from '../../../../blocks/refreshed-message.js';
import { tellPrivately } from '../../../report/tell-privately.js';
import type { ListenerDeps } from '../../listener-deps.js';
import type { ButtonArgs } from './action-args.js';
import { readMessageAction } from './read-message-action.js';

/**
 * "Refresh status": exactly one describe-service per click (never a loop), and the clicked message
 * is edited in place with the status line. When the edit fails, the clicker gets the answer privately.
 */
export function refreshStatus(deps: ListenerDeps, now: () => number = Date.now) {
  return async ({ ack, body, action }: ButtonArgs): Promise<void> => {
    await ack();
    const click = readMessageAction(body, action);
    const record = await deps.ports.history.get(click.deploymentId);
    if (!record) {
      return tellPrivately(
        deps.outbox,
        click,
        buildCommandProblem('I no longer have a record of that deployment.'),
      );
    }
    const answer = await deps.ports.status.describe(
      record.serviceName,
      record.region,
      click.userId,
    );
    if (!answer.ok) return tellPrivately(deps.outbox, click, buildCommandProblem(answer.message));
    const message = buildRefreshedMessage(body.message ?? {}, answer.status, now());
    const edited =
      click.channelId && body.message?.ts
        ? await deps.outbox
            .edit({ channel: click.channelId, ts: body.message.ts }, message, { final: true })
            .then(
              () => true,
              () => false,
            )
        : false;
    if (!edited) await tellPrivately(deps.outbox, click, message);
  };
}
