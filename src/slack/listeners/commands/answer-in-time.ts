import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackMessage } from '../../../../blocks/progress-message.js';
import { redactMessage } from '../../../report/redact-message.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** What is left of Slack's 3 s for the answer itself, so the reply can ride on the acknowledgement. */
const IN_ACK_BUDGET_MS = 2_000;

/**
 * Answers a command privately: in the acknowledgement itself when the answer is ready within the
 * budget (one round trip, no response_url needed), otherwise an acknowledgement saying it is on its
 * way and the answer later through response_url.
 */
export async function answerInTime(
  args: Args,
  answer: Promise<SlackMessage>,
  pending: string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), IN_ACK_BUDGET_MS);
  });
  // A failed lookup (Redis or the CLI away) still gets an answer, never a timed-out command.
  const safe = answer.catch(
    (): SlackMessage => ({
      text: 'I could not look that up just now (the queue or the cloud did not answer). Please try again in a minute.',
      blocks: [],
    }),
  );
  const ready = await Promise.race([safe, late]);
  clearTimeout(timer);
  if (ready) {
    await args.ack({ response_type: 'ephemeral', ...redactMessage(ready) });
    return;
  }
  await args.ack({ response_type: 'ephemeral', text: pending });
  await args.respond({ response_type: 'ephemeral', ...redactMessage(await safe) });
}
