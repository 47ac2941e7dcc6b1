import { z } from 'zod';
import { ACTION, FIELD_IDS } from '../../blocks/ids.js';
import { APPROVE_ACTION_ID, REJECT_ACTION_ID } from '../security/approval-click.js';
import type { AccessNeed } from '../security/check-access.js';
import { parseCommandText } from './listeners/commands/parse-command-text.js';
import { readPrivateMetadata } from './listeners/views/read-private-metadata.js';

/** The Slack surfaces a person reaches the bot through; each answers a refusal its own way. */
export type Surface = 'command' | 'view' | 'options' | 'action' | 'home';

/** A request the access decision must see: who, where, what (for the audit entry) and the need. */
export interface GuardedRequest {
  readonly surface: Surface;
  /** What was attempted, as the audit's denial entry names it (`command`, `submission`, …). */
  readonly action: string;
  readonly need: AccessNeed;
  readonly userId: string;
  /** Undefined for App Home; '' when a modal lost its channel (a channel list then refuses). */
  readonly channelId?: string;
  readonly threadTs?: string;
}

/** A field that may be missing; one of an unexpected shape counts as missing (never fails the parse). */
const maybe = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * Just the fields of a Slack request body the decision reads; the rest is the listeners'. A field
 * of an unexpected shape is read as missing, so the request is still checked (fail closed).
 */
const Body = z.looseObject({
  type: maybe(z.string()),
  command: maybe(z.string()),
  text: maybe(z.string()),
  user_id: maybe(z.string()),
  channel_id: maybe(z.string()),
  user: maybe(z.object({ id: z.string() })),
  channel: maybe(z.object({ id: z.string() })),
  view: maybe(z.object({ type: maybe(z.string()), private_metadata: maybe(z.string()) })),
  actions: maybe(z.array(z.object({ action_id: z.string() }))),
  message: maybe(z.object({ ts: maybe(z.string()), thread_ts: maybe(z.string()) })),
  event: maybe(z.object({ type: z.string(), user: maybe(z.string()), tab: maybe(z.string()) })),
});
type Body = z.infer<typeof Body>;

/** Buttons that need no check here: the approval store decides who may approve or reject. */
const EXEMPT_ACTIONS: readonly string[] = [APPROVE_ACTION_ID, REJECT_ACTION_ID];
const ACTION_NAMES: Record<string, string> = {
  [ACTION.refreshStatus]: 'refresh',
  [ACTION.redeploy]: 'redeploy',
  [ACTION.resendToken]: 'resend-token',
};

const channelOfModal = (body: Body): string =>
  readPrivateMetadata(body.view?.private_metadata)?.channelId ?? '';

function readCommand(body: Body): GuardedRequest | undefined {
  const request = parseCommandText(body.text ?? '');
  // Help and a malformed command only show the usage; nothing is done.
  if (request.kind === 'help' || request.kind === 'invalid') return undefined;
  return {
    surface: 'command',
    action: request.kind === 'open' ? 'command' : request.kind,
    need: request.kind === 'audit' ? 'read-audit' : 'use',
    userId: body.user_id ?? '',
    channelId: body.channel_id ?? '',
  };
}

function readAction(body: Body): GuardedRequest | undefined {
  const actionId = body.actions?.[0]?.action_id ?? '';
  if (EXEMPT_ACTIONS.includes(actionId)) return undefined;
  const inModal = (FIELD_IDS as readonly string[]).includes(actionId);
  const threadTs = body.message?.thread_ts ?? body.message?.ts;
  // A button on App Home is in no channel, as opening App Home is not: the channel list does not apply.
  const onHome = body.view?.type === 'home';
  return {
    surface: 'action',
    action: inModal ? 'modal' : (ACTION_NAMES[actionId] ?? actionId),
    need: 'use',
    userId: body.user?.id ?? '',
    ...(onHome ? {} : { channelId: body.channel?.id ?? channelOfModal(body) }),
    ...(threadTs ? { threadTs } : {}),
  };
}

/**
 * Reads who asks for what, and where, out of any Slack request; undefined for requests exempt by
 * design (help, Approve/Reject, a user group's change, anything no listener acts on).
 */
export function readAccessRequest(raw: unknown): GuardedRequest | undefined {
  const parsed = Body.safeParse(raw);
  if (!parsed.success) return undefined;
  const body = parsed.data;
  if (body.command !== undefined) return readCommand(body);
  const userId = body.user?.id ?? '';
  switch (body.type) {
    case 'view_submission':
      return {
        surface: 'view',
        action: 'submission',
        need: 'use',
        userId,
        channelId: channelOfModal(body),
      };
    case 'block_suggestion':
      return {
        surface: 'options',
        action: 'options',
        need: 'use',
        userId,
        channelId: channelOfModal(body),
      };
    case 'block_actions':
      return readAction(body);
    case 'event_callback':
      return body.event?.type === 'app_home_opened' && body.event.tab === 'home'
        ? { surface: 'home', action: 'home', need: 'use', userId: body.event.user ?? '' }
        : undefined;
    default:
      return undefined;
  }
}
