import type { CallArgs, MethodAnswer, StandInState } from './standin-state.js';
import { text } from './standin-state.js';

/** Slack's ceiling on `limit` (docs.slack.dev conversations.history: "Maximum of 999"); default 100. */
const MAX_LIMIT = 999;
const DEFAULT_LIMIT = 100;

/** Slack ts ("1700000000.000123") as a number of microseconds, for ordering. */
const micros = (ts: string): number => {
  const [seconds = '0', fraction = '0'] = ts.split('.');
  return Number(seconds) * 1e6 + Number(fraction.padEnd(6, '0').slice(0, 6));
};
const yes = (value: unknown): boolean => value === true || value === 'true' || value === '1';
const encodeCursor = (ts: string) => Buffer.from(`before:${ts}`).toString('base64');
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64').toString().slice(7);

/**
 * conversations.history as Slack answers it (docs.slack.dev/reference/methods/conversations.history):
 * the channel's top-level messages (thread replies only when broadcast), newest first, after
 * `oldest` and up to `latest` (exclusive unless `inclusive`), `limit` a page with `has_more` and a
 * `next_cursor`; a message's `metadata` only with `include_all_metadata`. The caller's channel
 * checks (not_in_channel, channel_not_found) come first.
 */
export function conversationsHistory(state: StandInState, args: CallArgs): MethodAnswer {
  const channel = text(args, 'channel') ?? '';
  const inclusive = yes(args.inclusive);
  const oldest = micros(text(args, 'oldest') ?? '0');
  const latest = text(args, 'latest')
    ? micros(text(args, 'latest') ?? '')
    : Number.POSITIVE_INFINITY;
  const before = text(args, 'cursor') ? micros(decodeCursor(text(args, 'cursor') ?? '')) : latest;
  const limit = Math.min(
    MAX_LIMIT,
    Number(text(args, 'limit') ?? args.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT,
  );
  const withMetadata = yes(args.include_all_metadata);
  const inWindow = (t: number) =>
    (inclusive ? t >= oldest : t > oldest) &&
    (inclusive && before === latest ? t <= before : t < before);
  const all = [...(state.messages.get(channel)?.values() ?? [])]
    .filter((m) => !m.thread_ts || m.thread_ts === m.ts || yes(m.reply_broadcast))
    .filter((m) => inWindow(micros(String(m.ts))))
    .sort((a, b) => micros(String(b.ts)) - micros(String(a.ts)));
  const page = all.slice(0, limit);
  const last = page.at(-1);
  const hasMore = all.length > limit && last !== undefined;
  return {
    ok: true,
    messages: page.map((m) => shown(state, m, withMetadata)),
    has_more: hasMore,
    pin_count: 0,
    response_metadata: { next_cursor: hasMore ? encodeCursor(String(last.ts)) : '' },
  };
}

/** One message as history shows it: the bot's ids, its content, metadata only when asked for. */
function shown(state: StandInState, m: CallArgs, withMetadata: boolean): CallArgs {
  const { channel: _channel, token: _token, metadata, ...content } = m;
  return {
    type: 'message',
    user: 'UBOT0001',
    bot_id: state.botId,
    app_id: state.appId,
    team: state.teamId,
    ...content,
    ...(withMetadata && metadata ? { metadata } : {}),
  };
}
