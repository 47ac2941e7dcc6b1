import { conversationsHistory } from './history-method.js';
import { checkMessage } from './message-checks.js';
import {
  type CallArgs,
  type Handler,
  type MethodAnswer,
  type StandInState,
  text,
} from './standin-state.js';
import { VIEW_METHODS } from './view-methods.js';

export type { CallArgs, MethodAnswer, StandInState, StoredView } from './standin-state.js';

const CHANNEL_ID = /^[CGDU][A-Z0-9]{2,}$/;

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

function postMessage(state: StandInState, args: CallArgs): MethodAnswer {
  const channel = text(args, 'channel');
  const bad = checkChannel(state, channel);
  if (bad || !channel) return bad ?? { ok: false, error: 'channel_not_found' };
  const refused = checkMessage(args);
  if (refused) return refused;
  const ts = nextTs(state);
  const inChannel = state.messages.get(channel) ?? new Map<string, CallArgs>();
  inChannel.set(ts, { ...args, ts });
  state.messages.set(channel, inChannel);
  return { ok: true, channel, ts, message: { ...args, ts, type: 'message' } };
}

function updateMessage(state: StandInState, args: CallArgs): MethodAnswer {
  const channel = text(args, 'channel');
  const bad = checkChannel(state, channel) ?? checkMessage(args);
  if (bad) return bad;
  const ts = text(args, 'ts') ?? '';
  const found = state.messages.get(channel ?? '')?.get(ts);
  if (!found) return { ok: false, error: 'message_not_found' };
  state.messages.get(channel ?? '')?.set(ts, { ...found, ...args });
  return { ok: true, channel, ts, text: args.text };
}

/** The Web API methods the bot uses, answered as Slack answers them. */
export const METHODS: Readonly<Record<string, Handler>> = {
  'auth.test': (state) => ({
    ok: true,
    user_id: 'UBOT0001',
    bot_id: state.botId,
    team_id: state.teamId,
  }),
  ...VIEW_METHODS,
  'chat.postMessage': postMessage,
  'chat.update': updateMessage,
  'chat.postEphemeral': (state, args) =>
    checkChannel(state, text(args, 'channel')) ??
    checkMessage(args) ??
    (text(args, 'user')
      ? { ok: true, message_ts: nextTs(state) }
      : { ok: false, error: 'user_not_in_channel' }),
  'chat.getPermalink': (_state, args) => ({
    ok: true,
    channel: text(args, 'channel'),
    permalink: `https://example.slack.com/archives/${text(args, 'channel')}/p${(text(args, 'message_ts') ?? '').replace('.', '')}`,
  }),
  'conversations.history': (state, args) =>
    checkChannel(state, text(args, 'channel')) ?? conversationsHistory(state, args),
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
