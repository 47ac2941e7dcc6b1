import type { types } from '@slack/bolt';
import type { ServiceLine } from '../src/lifecycle/describe-service-line.js';
import type { SlackMessage } from './progress-message.js';
import { buildServiceButtons } from './service-buttons.js';
import { context, escapeMrkdwn, section } from './text.js';

const MAX_LINES = 40;

/** `• `qwen_demo` · cn-hangzhou · *Running* · owner @U · expires … · about USD 1.20/h, …` */
export function formatServiceLine(l: ServiceLine): string {
  const cost = l.cost ? ` · ${escapeMrkdwn(l.cost)}` : '';
  return `• \`${escapeMrkdwn(l.name)}\` · ${l.region} · *${escapeMrkdwn(l.status)}* · owner <@${l.owner}> · ${escapeMrkdwn(l.expiry)}${cost}`;
}

/** The total line, when a price table priced anything. */
export function formatTotal(total: { amount: string } | undefined): string | undefined {
  return total ? `Running now: ${total.amount} per hour in all.` : undefined;
}

/** The answer to `/eas-deploy list [region]`: the services carrying the bot's labels, read from the cloud. */
export function buildServiceListAnswer(input: {
  lines: readonly ServiceLine[];
  region?: string;
  problems: readonly string[];
  total?: { amount: string };
}): SlackMessage {
  const where = input.region ? ` in ${input.region}` : '';
  const problems =
    input.problems.length > 0
      ? [
          context(
            `Not listed (the cloud did not answer): ${escapeMrkdwn(input.problems.join('; '))}`,
          ),
        ]
      : [];
  if (input.lines.length === 0) {
    const text = `No services made by eas-deploy${where}.`;
    return { text, blocks: [section(text), ...problems] };
  }
  const shown = input.lines.slice(0, MAX_LINES);
  const more = input.lines.length - shown.length;
  const total = formatTotal(input.total);
  return {
    text: `Services made by eas-deploy${where}: ${input.lines.length}`,
    blocks: [
      section(`*Services made by eas-deploy${where}*\n${shown.map(formatServiceLine).join('\n')}`),
      ...(more > 0 ? [context(`…and ${more} more.`)] : []),
      ...(total ? [context(total)] : []),
      ...problems,
    ],
  };
}

/** App Home's part about the person's services: each with its expiry and buttons, and the total per hour. */
export function buildHomeServiceBlocks(input: {
  lines: readonly ServiceLine[];
  extendBy: string;
  total?: { amount: string };
}): types.KnownBlock[] {
  if (input.lines.length === 0) {
    return [section('You have no running services made by eas-deploy.')];
  }
  const total = formatTotal(input.total);
  // Slack's 100-block limit for a view: two blocks per service, the header and a few lines kept free.
  const shown = input.lines.slice(0, 40);
  return [
    section('*Your services*'),
    ...shown.flatMap((l, i) => [
      section(formatServiceLine(l)),
      buildServiceButtons(l.region, l.name, {
        stopped: !l.running,
        extendBy: input.extendBy,
        blockId: `home_service_${i}`,
      }),
    ]),
    ...(total ? [context(total)] : []),
  ];
}
