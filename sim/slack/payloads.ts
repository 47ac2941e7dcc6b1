/**
 * Builders for what Slack POSTs to the bot, with overrides for tests, the demo and the benchmark.
 * Slash commands are form fields; interactions are one form field `payload=<json>`.
 */

import { nextTriggerId, type StateValues } from './form-encoding.js';

export {
  encodeInteraction,
  nextTriggerId,
  type StateValue,
  type StateValues,
} from './form-encoding.js';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export interface SlashCommandFields {
  command: string;
  text: string;
  user_id: string;
  user_name: string;
  team_id: string;
  team_domain: string;
  channel_id: string;
  channel_name: string;
  trigger_id: string;
  response_url: string;
  api_app_id: string;
}

/** A slash command body, form-encoded exactly as Slack sends it. */
export function buildSlashCommandBody(overrides: Partial<SlashCommandFields> = {}): string {
  const fields: SlashCommandFields = {
    command: '/eas-deploy',
    text: '',
    user_id: 'U0REQUEST',
    user_name: 'requester',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: 'C0DEPLOY',
    channel_name: 'deploys',
    trigger_id: nextTriggerId(),
    response_url: 'http://127.0.0.1:9/respond/commands',
    api_app_id: 'A0EASDEPLOY',
    ...overrides,
  };
  return new URLSearchParams(Object.entries(fields)).toString();
}

/** Plain-text field values become `{type:'plain_text_input', value}` with block_id == action_id. */
export function buildStateValues(
  fields: Record<string, string>,
  selects: Record<string, string> = {},
): StateValues {
  const values: StateValues = {};
  for (const [id, value] of Object.entries(fields)) {
    values[id] = { [id]: { type: 'plain_text_input', value } };
  }
  for (const [id, value] of Object.entries(selects)) {
    const option = { text: { type: 'plain_text' as const, text: value }, value };
    values[id] = { [id]: { type: 'static_select', selected_option: option } };
  }
  return values;
}

export {
  type BlockActionOverrides,
  buildBlockActionsBody,
  buildBlockSuggestionBody,
  buildViewSubmissionBody,
  fromStoredView,
  type ViewOverrides,
} from './interaction-payloads.js';
