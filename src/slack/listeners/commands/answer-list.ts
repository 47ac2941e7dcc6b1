import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildListAnswer } from '../../../../blocks/answers.js';
import { buildServiceListAnswer } from '../../../../blocks/service-list.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { answerInTime } from './answer-in-time.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * `/eas-deploy list [region]`: the services that carry the bot's labels, read from the cloud
 * (status, owner, expiry, cost per hour with a price table). Without the lifecycle port: the
 * recent deployments the bot remembers.
 */
export async function answerList(deps: ListenerDeps, args: Args, region?: string): Promise<void> {
  const port = deps.ports.lifecycle;
  const where = region ? { region } : {};
  const list = port
    ? port.listServices(where).then((listing) => buildServiceListAnswer({ ...listing, ...where }))
    : deps.ports.history
        .listRecent({ ...where, limit: 20 })
        .then((items) => buildListAnswer(items, region));
  await answerInTime(args, list, 'Reading the services from the cloud…');
}
