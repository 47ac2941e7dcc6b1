import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildNotice, buildStatusAnswer } from '../../../../blocks/answers.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { answerInTime } from './answer-in-time.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/eas-deploy status <name> [region]`: one describe-service (status, instances, endpoints), answered privately. */
export async function answerStatus(
  deps: ListenerDeps,
  args: Args,
  serviceName: string,
  region?: string,
): Promise<void> {
  const lookup = async () => {
    const where =
      region ?? (await findRegion(deps, serviceName)) ?? deps.regions[0] ?? 'cn-hangzhou';
    const answer = await deps.ports.status.describe(serviceName, where, args.command.user_id);
    if (answer.ok) return buildStatusAnswer(answer.status);
    // The region was a guess: say where else to look.
    const hint =
      answer.notFound && !region
        ? ` If it is in another region, name it: /eas-deploy status ${serviceName} <region>.`
        : '';
    return buildNotice(`${answer.message}${hint}`);
  };
  await answerInTime(deps, args, lookup(), `Looking up \`${serviceName}\`…`);
}

/** The region of the latest deployment of that name made through the bot, if any. */
async function findRegion(deps: ListenerDeps, serviceName: string): Promise<string | undefined> {
  const recent = await deps.ports.history.listRecent({ limit: 50 });
  return recent.find((d) => d.serviceName === serviceName)?.region;
}
