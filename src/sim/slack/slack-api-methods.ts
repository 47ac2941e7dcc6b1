import { randomUUID } from 'node:crypto';

/** Recorded form arguments of one Web API call; JSON fields (view, blocks, …) already parsed. */
export type CallArgs = Record<string, unknown>;

/** What a method answers: a Slack JSON body (`ok:true|false`, …). */
export type MethodAnswer = Record<string, unknown> & { ok: boolean };

/** Mutable state the stand-in keeps between calls (messages per channel, views). */
export interface StandInState {
  nextTs: number;
  readonly messages: Map<string, Map<string, CallArgs>>;
  readonly views: Map<string, CallArgs>;
  /** Trigger ids already exchanged for a view: Slack accepts each one once. */
  readonly usedTriggers: Set<string>;
  readonly notInChannel: ReadonlySet<string>;
  readonly unknownChannels: ReadonlySet<string>;
  readonly usergroups: Readonly<Record<string, readonly string[]>>;
}

const CHANNEL_ID = /^[CGDU][A-Z0-9]{2,}$/;

const text = (args: CallArgs, key: string): string | undefined =>
  typeof args[key] === 'string' ? (args[key] as string) : undefined;

function nextTs(state: StandInState): string {
  state.nextTs += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(state.nextTs).padStart(6, '0')}`;
}

/** Slack's answer for a channel the bot cannot post in, or undefined when it can. */
function checkChannel(state: StandInState, channel: string | undefined): MethodAnswer | undefined {
  if (!channel || !CHANNEL_ID.test(channel) || state.unknownChannels.has(channel)) {
    return { ok: false, error: 'channel_not_found' };
  }
  if (state.notInChannel.has(channel)) return { ok: false, error: 'not_in_channel' };
  return undefined;
}

/** Slack rejects a modal that has input blocks but no submit button. */
function checkView(view: unknown): MethodAnswer | undefined {
  if (typeof view !== 'object' || view === null) return { ok: false, error: 'invalid_arguments' };
  const v = view as { type?: unknown; blocks?: unknown; submit?: unknown };
  if (!Array.isArray(v.blocks)) return { ok: false, error: 'invalid_arguments' };
  const hasInput = v.blocks.some((b) => (b as { type?: unknown }).type === 'input');
  if (v.type === 'modal' && hasInput && !v.submit) return { ok: false, error: 'invalid_arguments' };
  return undefined;
}

function storeView(state: StandInState, view: CallArgs, id?: string): MethodAnswer {
  const viewId = id ?? `V${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const stored = { ...view, id: viewId, hash: `${Date.now()}.${randomUUID().slice(0, 8)}` };
  state.views.set(viewId, stored);
  return { ok: true, view: stored };
}

function postMessage(state: StandInState, args: CallArgs): MethodAnswer {
  const channel = text(args, 'channel');
  const bad = checkChannel(state, channel);
  if (bad || !channel) return bad ?? { ok: false, error: 'channel_not_found' };
  if (!text(args, 'text') && !Array.isArray(args.blocks)) return { ok: false, error: 'no_text' };
  const ts = nextTs(state);
  const inChannel = state.messages.get(channel) ?? new Map<string, CallArgs>();
  inChannel.set(ts, { ...args, ts });
  state.messages.set(channel, inChannel);
  return { ok: true, channel, ts, message: { ...args, ts, type: 'message' } };
}

function updateMessage(state: StandInState, args: CallArgs): MethodAnswer {
  const channel = text(args, 'channel');
  const bad = checkChannel(state, channel);
  if (bad) return bad;
  const ts = text(args, 'ts') ?? '';
  const found = state.messages.get(channel ?? '')?.get(ts);
  if (!found) return { ok: false, error: 'message_not_found' };
  state.messages.get(channel ?? '')?.set(ts, { ...found, ...args });
  return { ok: true, channel, ts, text: args.text };
}

type Handler = (state: StandInState, args: CallArgs) => MethodAnswer;

/** The Web API methods the bot uses, answered as Slack answers them. */
export const METHODS: Readonly<Record<string, Handler>> = {
  'auth.test': () => ({ ok: true, user_id: 'UBOT0001', bot_id: 'BBOT0001', team_id: 'T0001' }),
  'views.open': (state, args) => {
    const trigger = text(args, 'trigger_id');
    if (!trigger) return { ok: false, error: 'invalid_arguments' };
    if (state.usedTriggers.has(trigger)) return { ok: false, error: 'exchanged_trigger_id' };
    const bad = checkView(args.view);
    if (bad) return bad;
    state.usedTriggers.add(trigger);
    return storeView(state, args.view as CallArgs);
  },
  'views.push': (state, args) => checkView(args.view) ?? storeView(state, args.view as CallArgs),
  'views.update': (state, args) => {
    const id = text(args, 'view_id');
    if (!id || !state.views.has(id)) return { ok: false, error: 'not_found' };
    return checkView(args.view) ?? storeView(state, args.view as CallArgs, id);
  },
  'views.publish': (state, args) =>
    text(args, 'user_id')
      ? (checkView(args.view) ?? storeView(state, args.view as CallArgs))
      : { ok: false, error: 'invalid_arguments' },
  'chat.postMessage': postMessage,
  'chat.update': updateMessage,
  'chat.postEphemeral': (state, args) =>
    checkChannel(state, text(args, 'channel')) ??
    (text(args, 'user')
      ? { ok: true, message_ts: nextTs(state) }
      : { ok: false, error: 'user_not_in_channel' }),
  'chat.getPermalink': (_state, args) => ({
    ok: true,
    channel: text(args, 'channel'),
    permalink: `https://example.slack.com/archives/${text(args, 'channel')}/p${(text(args, 'message_ts') ?? '').replace('.', '')}`,
  }),
  'conversations.open': (_state, args) => {
    const user = (text(args, 'users') ?? '').split(',')[0] ?? '';
    if (!/^[UW][A-Z0-9]+$/.test(user)) return { ok: false, error: 'user_not_found' };
    return { ok: true, channel: { id: `D${user.slice(1)}` } };
  },
  'usergroups.users.list': (state, args) => {
    const users = state.usergroups[text(args, 'usergroup') ?? ''];
    return users ? { ok: true, users } : { ok: false, error: 'no_such_subteam' };
  },
  'users.info': (_state, args) => {
    const user = text(args, 'user') ?? '';
    if (!/^[UW][A-Z0-9]+$/.test(user)) return { ok: false, error: 'user_not_found' };
    return { ok: true, user: { id: user, name: user.toLowerCase(), tz: 'UTC', is_bot: false } };
  },
};
