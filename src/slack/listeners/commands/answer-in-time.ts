import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackMessage } from '../../../../blocks/progress-message.js';
import { redactValue } from '../../../redact.js';
import type { ListenerDeps } from '../../listener-deps.js';
import { withinBudget } from '../../within-budget.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * Answers a command privately: in the acknowledgement itself when the answer is ready within Slack's
 * budget (one round trip, no response_url needed), otherwise an acknowledgement saying it is on its
 * way and the answer later through response_url.
 */
export async function answerInTime(
  deps: Pick<ListenerDeps, 'ackBudgetMs'>,
  args: Args,
  answer: Promise<SlackMessage>,
  pending: string,
): Promise<void> {
  // A failed lookup (Redis or the CLI away) still gets an answer, never a timed-out command.
  const safe = answer.catch((error: unknown): SlackMessage => {
    args.logger.warn('a command could not be answered', error);
    return {
      text: 'I could not look that up just now (the queue or the cloud did not answer). Please try again in a minute.',
      blocks: [],
    };
  });
  const ready = await withinBudget(
    () => safe,
    deps.ackBudgetMs,
    () => undefined,
  );
  if (ready) {
    await args.ack({ response_type: 'ephemeral', ...redactValue(ready) });
    return;
  }
  await args.ack({ response_type: 'ephemeral', text: pending });
  await args.respond({ response_type: 'ephemeral', ...redactValue(await safe) });
}
