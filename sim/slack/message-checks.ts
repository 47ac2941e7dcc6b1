import { findBlockProblems } from './block-kit-limits.js';
import type { CallArgs, MethodAnswer } from './standin-state.js';

/**
 * chat.postMessage: "msg_too_long — Message text is too long"; Slack truncates `text` above 40,000
 * characters (docs.slack.dev chat.postMessage, "Truncating content"), so the stand-in refuses it.
 */
export const MAX_MESSAGE_TEXT = 40_000;
/** Blocks in one message (Slack's block-kit schema, `maxItems: 50`). */
export const MAX_MESSAGE_BLOCKS = 50;

/**
 * Slack's refusal of a message body, or undefined when it fits: `no_text` without text and blocks,
 * `msg_too_long`, or `invalid_blocks` with each problem and its JSON pointer, worded as Slack's
 * answer is (`errors`, and `response_metadata.messages` prefixed `[ERROR]`).
 */
export function checkMessage(args: CallArgs): MethodAnswer | undefined {
  const text = typeof args.text === 'string' ? args.text : '';
  if (!text && args.blocks === undefined) return { ok: false, error: 'no_text' };
  if (text.length > MAX_MESSAGE_TEXT) return { ok: false, error: 'msg_too_long' };
  if (args.blocks === undefined) return undefined;
  const problems = findBlockProblems(args.blocks, '/blocks', MAX_MESSAGE_BLOCKS);
  if (problems.length === 0) return undefined;
  return {
    ok: false,
    error: 'invalid_blocks',
    errors: problems,
    response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) },
  };
}
