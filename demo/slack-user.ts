import {
  buildSlashCommandBody,
  buildStateValues,
  buildViewSubmissionBody,
  FORM_CONTENT_TYPE,
  type SlashCommandFields,
  type StateValues,
  type ViewOverrides,
} from '../sim/slack/payloads.js';
import { postSigned, type SignedPostAnswer } from '../sim/slack/sign-request.js';
import { LOCAL_SIGNING_SECRET } from './local-stack.js';

/** A person in a channel, acting through correctly signed Slack requests. */
export interface SlackUser {
  /** Types `/eas-deploy <text>`; `extra` sets the trigger_id, response_url, … Slack would send. */
  command(text?: string, extra?: Partial<SlashCommandFields>): Promise<SignedPostAnswer>;
  /**
   * Presses Deploy on the modal with these plain-text fields and select values. `view` is a view
   * id (a view the stand-in does not hold: fixed hash, metadata naming the channel) or the view
   * fields of one it holds (`fromStoredView`: its real hash and metadata).
   */
  submitForm(
    fields: Record<string, string>,
    selects: Record<string, string>,
    view: string | ViewOverrides,
  ): Promise<SignedPostAnswer>;
  /** Presses Deploy on a view with the state Slack read from it (block_id → action_id → value). */
  submitState(values: StateValues, view: ViewOverrides): Promise<SignedPostAnswer>;
}

export interface SlackUserOptions {
  readonly eventsUrl: string;
  readonly userId?: string;
  readonly channelId?: string;
  readonly secret?: string;
}

/** Creates the person; ids default to the ones the payload builders use. */
export function createSlackUser(options: SlackUserOptions): SlackUser {
  const userId = options.userId ?? 'U0REQUEST';
  const channelId = options.channelId ?? 'C0DEPLOY';
  const secret = options.secret ?? LOCAL_SIGNING_SECRET;
  const post = (body: string) => postSigned(options.eventsUrl, body, FORM_CONTENT_TYPE, secret);
  return {
    command: (text = '', extra = {}) =>
      post(buildSlashCommandBody({ text, user_id: userId, channel_id: channelId, ...extra })),
    submitForm: (fields, selects, view) =>
      post(
        buildViewSubmissionBody({
          private_metadata: JSON.stringify({ channelId }),
          ...(typeof view === 'string' ? { id: view } : view),
          userId,
          values: buildStateValues(fields, selects),
        }),
      ),
    submitState: (values, view) => post(buildViewSubmissionBody({ ...view, userId, values })),
  };
}
