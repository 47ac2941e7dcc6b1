/** Shared pieces of Slack's request encodings: trigger ids, `payload=<json>`, state values. */

export { nextTriggerId } from './triggers.js';

/** Encodes an interaction payload as Slack does: `payload=<json>`, form-encoded. */
export function encodeInteraction(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A state value as Slack reports it for one element. */
export type StateValue =
  | { type: string; value: string | null }
  | {
      type: string;
      selected_option: { text: { type: 'plain_text'; text: string }; value: string } | null;
    }
  | {
      type: string;
      selected_options: { text: { type: 'plain_text'; text: string }; value: string }[];
    };

/** State values keyed block_id → action_id → value. */
export type StateValues = Record<string, Record<string, StateValue>>;
