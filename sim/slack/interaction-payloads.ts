import { encodeInteraction, nextTriggerId, type StateValues } from './form-encoding.js';
import type { StoredView } from './standin-state.js';

/** Interaction payloads (view_submission, block_actions, block_suggestion) with overrides for tests. */

export interface ViewOverrides {
  id?: string;
  hash?: string;
  callback_id?: string;
  private_metadata?: string;
  values?: StateValues;
  /** The whole view as Slack holds it (its blocks, title, ids): payloads echo it. */
  stored?: StoredView;
}

/**
 * The view Slack sends for a view it holds: all of it, blocks included, with its current hash (a
 * payload for a view changed since carries the new one). Throws for an unknown view, so a test
 * never falls back to the fixed default hash by mistake.
 */
export function fromStoredView(view: StoredView | undefined): ViewOverrides {
  if (!view) throw new Error('The Slack stand-in holds no such view');
  const { id, hash, callback_id: callbackId, private_metadata: metadata } = view;
  return {
    id,
    hash,
    stored: view,
    ...(typeof callbackId === 'string' ? { callback_id: callbackId } : {}),
    ...(typeof metadata === 'string' ? { private_metadata: metadata } : {}),
  };
}

/** The type of the element with this action_id in a view's blocks, when the view has it. */
function elementType(blocks: unknown, actionId: string): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as Record<string, unknown>[]) {
    const elements = [block.element, block.accessory, ...((block.elements as unknown[]) ?? [])];
    for (const e of elements as ({ action_id?: string; type?: string } | undefined)[]) {
      if (e?.action_id === actionId) return e.type;
    }
  }
  return undefined;
}

const user = (id: string) => ({ id, username: 'requester', name: 'requester', team_id: 'T0001' });

function buildView(o: ViewOverrides) {
  return {
    ...o.stored,
    id: o.id ?? 'V0MODAL01',
    team_id: 'T0001',
    type: 'modal',
    callback_id: o.callback_id ?? 'eas_deploy',
    private_metadata: o.private_metadata ?? JSON.stringify({ channelId: 'C0DEPLOY' }),
    // A fixed hash for payloads not tied to a view the stand-in holds (see fromStoredView).
    hash: o.hash ?? '1700000000.abcdef',
    blocks: o.stored?.blocks ?? [],
    state: { values: o.values ?? {} },
    app_id: 'A0EASDEPLOY',
    bot_id: 'BBOT0001',
  };
}

/** A view_submission payload body. */
export function buildViewSubmissionBody(o: ViewOverrides & { userId?: string } = {}): string {
  return encodeInteraction({
    type: 'view_submission',
    team: { id: 'T0001', domain: 'example' },
    user: user(o.userId ?? 'U0REQUEST'),
    api_app_id: 'A0EASDEPLOY',
    token: 'deprecated-verification-token',
    trigger_id: nextTriggerId(),
    view: buildView(o),
    response_urls: [],
  });
}

export interface BlockActionOverrides extends ViewOverrides {
  userId?: string;
  actionId: string;
  blockId?: string;
  value?: string;
  selectedValue?: string;
  /** A message action (button on a message) instead of a view action. */
  message?: { channelId: string; ts: string; threadTs?: string; text?: string; blocks?: unknown[] };
  responseUrl?: string;
}

/** A block_actions payload body: a button or a select on a message or in a view. */
export function buildBlockActionsBody(o: BlockActionOverrides): string {
  const known = elementType(o.stored?.blocks ?? o.message?.blocks, o.actionId);
  const action = {
    type: known ?? (o.selectedValue !== undefined ? 'static_select' : 'button'),
    action_id: o.actionId,
    block_id: o.blockId ?? o.actionId,
    action_ts: `${Date.now() / 1000}`,
    ...(o.value !== undefined ? { value: o.value } : {}),
    ...(o.selectedValue !== undefined
      ? {
          selected_option: {
            text: { type: 'plain_text', text: o.selectedValue },
            value: o.selectedValue,
          },
        }
      : {}),
  };
  const where = o.message
    ? {
        container: { type: 'message', message_ts: o.message.ts, channel_id: o.message.channelId },
        channel: { id: o.message.channelId, name: 'deploys' },
        message: {
          type: 'message',
          ts: o.message.ts,
          thread_ts: o.message.threadTs,
          text: o.message.text ?? '',
          ...(o.message.blocks ? { blocks: o.message.blocks } : {}),
        },
        response_url: o.responseUrl ?? 'http://127.0.0.1:9/respond/actions',
      }
    : { container: { type: 'view', view_id: o.id ?? 'V0MODAL01' }, view: buildView(o) };
  return encodeInteraction({
    type: 'block_actions',
    team: { id: 'T0001', domain: 'example' },
    user: user(o.userId ?? 'U0REQUEST'),
    api_app_id: 'A0EASDEPLOY',
    token: 'deprecated-verification-token',
    trigger_id: nextTriggerId(),
    actions: [action],
    ...where,
  });
}

/** A block_suggestion payload body: an external_select asking for options. */
export function buildBlockSuggestionBody(
  o: ViewOverrides & { actionId: string; query: string },
): string {
  return encodeInteraction({
    type: 'block_suggestion',
    team: { id: 'T0001', domain: 'example' },
    user: user('U0REQUEST'),
    api_app_id: 'A0EASDEPLOY',
    token: 'deprecated-verification-token',
    action_id: o.actionId,
    block_id: o.actionId,
    value: o.query,
    container: { type: 'view', view_id: o.id ?? 'V0MODAL01' },
    view: buildView(o),
  });
}
