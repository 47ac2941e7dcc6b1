import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildListAnswer } from '../../../blocks/answers.js';
import type { ListenerDeps } from '../listener-deps.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/eas-deploy list [region]`: recent deployments made through the bot, last-known status. */
export async function answerList(deps: ListenerDeps, args: Args, region?: string): Promise<void> {
  await args.ack();
  const items = await deps.ports.history.listRecent({ ...(region ? { region } : {}), limit: 20 });
  await args.respond({ response_type: 'ephemeral', ...buildListAnswer(items, region) });
}
