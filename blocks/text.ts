import type { types } from '@slack/bolt';

/** Cuts text to Slack's limit, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A plain_text object (emoji on), cut to `max` characters. */
export function plain(text: string, max = 3000): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

/** A mrkdwn section, cut to the 3000-character section limit. */
export function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } };
}

/** A context block with one mrkdwn line. */
export function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }] };
}

/** Slack's limit on an option's value (python-slack-sdk `Option.value_max_length`). */
export const MAX_OPTION_VALUE = 150;

/** True when `value` fits an option whole: a value cut short would name something else. */
export const fitsOptionValue = (value: string): boolean => value.length <= MAX_OPTION_VALUE;

/** A select option: text cut to 75; the value as given (callers leave out what does not fit). */
export function option(text: string, value: string): types.PlainTextOption {
  return { text: plain(text, 75), value };
}

/** A button; the label is kept within 24 characters so it never wraps or is cut by Slack. */
export function button(text: string, actionId: string, value: string): types.Button {
  return {
    type: 'button',
    text: plain(text, 24),
    action_id: actionId,
    value: truncate(value, 2000),
  };
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
