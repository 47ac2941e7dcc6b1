import type { BlockAction, ButtonAction, webApi } from '@slack/bolt';
import { buildCommandProblem } from '../../../../blocks/answers.js';
import { tellPrivately } from '../../../report/tell-privately.js';
import { checkSlackAccess, type GuardedAction } from '../../check-access.js';
import type { ListenerDeps } from '../../listener-deps.js';
import type { DeploymentRecord } from '../../ports.js';
import { type MessageClick, readMessageAction } from './read-message-action.js';

/**
 * A button that acts on a deployment: who clicked, the deployment's record, and whether that person
 * may do this here. A refusal is answered privately and yields undefined.
 */
export async function readGuardedClick(
  deps: ListenerDeps,
  args: { body: BlockAction<ButtonAction>; action: ButtonAction; client: webApi.WebClient },
  guarded: GuardedAction,
): Promise<{ click: MessageClick; record: DeploymentRecord | undefined } | undefined> {
  const click = readMessageAction(args.body, args.action);
  const record = await deps.ports.history.get(click.deploymentId);
  const channelId = click.channelId ?? record?.channelId ?? '';
  const access = await checkSlackAccess(deps, { userId: click.userId, channelId }, guarded);
  if (access.ok) return { click, record };
  await tellPrivately(deps.outbox, click, buildCommandProblem(access.message));
  return undefined;
}
