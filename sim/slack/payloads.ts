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
  /** Deprecated verification token: Slack still sends it (Bolt verifies the signature instead). */
  token: string;
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
  is_enterprise_install: string;
}

/** A slash command body, form-encoded exactly as Slack sends it. */
export function buildSlashCommandBody(overrides: Partial<SlashCommandFields> = {}): string {
  const fields: SlashCommandFields = {
    token: 'deprecated-verification-token',
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
    is_enterprise_install: 'false',
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

/**
 * An Events API envelope (JSON body) around `event`, as Slack sends it: `event_callback` with the
 * app's `authorizations` (the installation the event is delivered for) and the event's context.
 */
export function buildEventBody(
  event: Record<string, unknown>,
  overrides: { eventId?: string; teamId?: string } = {},
): string {
  const teamId = overrides.teamId ?? 'T0001';
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: teamId,
    context_team_id: teamId,
    context_enterprise_id: null,
    api_app_id: 'A0EASDEPLOY',
    event,
    type: 'event_callback',
    event_id: overrides.eventId ?? `Ev${Date.now()}${Math.floor(Math.random() * 1e6)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: 'UBOT0001',
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(`${teamId}:${String(event.type)}`).toString('base64url')}`,
  });
}
