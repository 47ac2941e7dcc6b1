import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildListAnswer } from '../../../../blocks/answers.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { answerInTime } from './answer-in-time.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/eas-deploy list [region]`: recent deployments made through the bot, last-known status. */
export async function answerList(deps: ListenerDeps, args: Args, region?: string): Promise<void> {
  const list = deps.ports.history
    .listRecent({ ...(region ? { region } : {}), limit: 20 })
    .then((items) => buildListAnswer(items, region));
  await answerInTime(deps, args, list, 'Reading the recent deployments…');
}
