import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildListAnswer } from '../../../../blocks/answers.js';
import type { SlackMessage } from '../../../../blocks/progress-message.js';
import { buildServiceListAnswer } from '../../../../blocks/service-list.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { answerInTime } from './answer-in-time.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

const UNREADABLE: SlackMessage = {
  text: 'I could not read the services just now (the cloud did not answer). Please try again in a minute.',
  blocks: [],
};

/**
 * `/eas-deploy list [region]`: the services that carry the bot's labels, read from the cloud
 * (status, owner, expiry, cost per hour with a price table). That takes a ListServices per region,
 * so the command is acknowledged first and answered through response_url. Without the lifecycle
 * port: the recent deployments the bot remembers.
 */
export async function answerList(deps: ListenerDeps, args: Args, region?: string): Promise<void> {
  const port = deps.ports.lifecycle;
  const where = region ? { region } : {};
  if (!port) {
    const recent = deps.ports.history
      .listRecent({ ...where, limit: 20 })
      .then((items) => buildListAnswer(items, region));
    return answerInTime(deps, args, recent, 'Reading the recent deployments…');
  }
  await args.ack();
  const message = await port
    .listServices(where)
    .then((listing) => buildServiceListAnswer({ ...listing, ...where }))
    .catch(() => UNREADABLE);
  await args.respond({ response_type: 'ephemeral', ...message });
}
