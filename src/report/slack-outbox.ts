import type { types, webApi } from '@slack/bolt';
import type { SlackMessage } from '../../blocks/progress-message.js';
import { redactValue } from '../redact.js';
import { createProgressLane } from './progress-lane.js';
import type { SlackBudget } from './slack-budget.js';
import { createKeyedChains, createSpender } from './spend-budget.js';

/** A message Slack holds: its channel and ts. */
export interface MessageRef {
  readonly channel: string;
  readonly ts: string;
}

/** `secret`: the private token message, the one message that is not redacted. */
export interface SendOptions {
  readonly secret?: boolean;
  /** Slack message metadata: what an app finds the message by later (conversations.history). */
  readonly metadata?: types.MessageMetadata;
}

/**
 * EVERYTHING the bot sends to Slack goes out here: redacted (but for the private token message),
 * within the workspace's budget, retried after a 429 that every process then waits out. Edits
 * come in two kinds: `final: false` (progress, status lines) is coalesced per message and shed
 * when the budget is short; `final: true` is never shed and lands after any edit of the same
 * message already on its way. Posts, private messages and final edits never wait behind progress.
 */
export interface SlackOutbox {
  /** Posts in a channel (or a thread); answers the new message's ts. */
  post(
    to: { channel: string; threadTs?: string },
    message: SlackMessage,
    o?: SendOptions,
  ): Promise<string>;
  /** Edits a message: a sheddable state (`final: false`) or one that must land (`final: true`). */
  edit(target: MessageRef, message: SlackMessage, o: { final: boolean }): Promise<void>;
  /** A message only `user` sees, in the channel (or thread). */
  postEphemeral(
    to: { channel: string; user: string; threadTs?: string },
    message: SlackMessage,
    o?: SendOptions,
  ): Promise<void>;
  /** Opens (or finds) the bot's direct message with a person. */
  openDirectMessage(userId: string): Promise<string>;
  permalink(message: MessageRef): Promise<string | undefined>;
  /** A page of a channel's top-level messages since `oldest` (a Slack ts), metadata included. */
  history(
    channel: string,
    oldest: string,
    cursor?: string,
  ): Promise<webApi.ConversationsHistoryResponse>;
  /** Progress states replaced or dropped before they were sent. */
  readonly shedEdits: number;
  /** 429s Slack answered anyway (each then waited out by every process). */
  readonly rateLimited: number;
  close(): void;
}

export interface SlackOutboxOptions {
  /** A client with `rejectRateLimitedCalls: true`: a 429 is this module's to schedule. */
  readonly client: webApi.WebClient;
  readonly budget: SlackBudget;
  readonly onError?: (error: unknown) => void;
  /** How often one call is tried again after a 429 before it fails (default 5). */
  readonly rateLimitRetries?: number;
}

/** Builds the outbox of one process on its Web API client and the shared budget. */
export function createSlackOutbox(options: SlackOutboxOptions): SlackOutbox {
  const { client, budget } = options;
  const onError = options.onError ?? (() => {});
  const spender = createSpender(budget, options.rateLimitRetries ?? 5);
  const { spend } = spender;
  const inOrder = createKeyedChains();
  const clean = (message: SlackMessage, o?: SendOptions): SlackMessage =>
    o?.secret ? message : redactValue(message);

  const update = (target: MessageRef, message: SlackMessage) =>
    client.chat
      .update({ channel: target.channel, ts: target.ts, ...message })
      .then(() => undefined);

  const lane = createProgressLane<{ target: MessageRef; message: SlackMessage }>({
    tryTake: () => budget.tryTakeForProgress('chat.update'),
    // A 429 on a progress edit is waited out by everyone; the state itself is let go.
    send: (key, { target, message }) =>
      inOrder(key, () =>
        update(target, message).catch(async (error: unknown) => {
          if (!(await spender.holdOffAfter('chat.update', undefined, error))) throw error;
        }),
      ),
    onError,
  });

  return {
    async post(to, message, o) {
      const thread = to.threadTs ? { thread_ts: to.threadTs } : {};
      const sent = await spend('chat.postMessage', to.channel, () =>
        client.chat.postMessage({
          channel: to.channel,
          ...thread,
          ...clean(message, o),
          ...(o?.metadata ? { metadata: o.metadata } : {}),
        }),
      );
      return sent.ts ?? '';
    },
    async edit(target, message, o) {
      const key = `${target.channel}:${target.ts}`;
      const safe = clean(message);
      if (!o.final) return lane.push(key, { target, message: safe });
      lane.drop(key);
      return inOrder(key, () => spend('chat.update', undefined, () => update(target, safe)));
    },
    async postEphemeral(to, message, o) {
      const thread = to.threadTs ? { thread_ts: to.threadTs } : {};
      await spend('chat.postEphemeral', undefined, () =>
        client.chat.postEphemeral({
          channel: to.channel,
          user: to.user,
          ...thread,
          ...clean(message, o),
        }),
      );
    },
    async openDirectMessage(userId) {
      const dm = await spend('conversations.open', undefined, () =>
        client.conversations.open({ users: userId }),
      );
      if (!dm.channel?.id) throw new Error('conversations.open answered without a channel');
      return dm.channel.id;
    },
    async permalink(message) {
      const answer = await spend('chat.getPermalink', undefined, () =>
        client.chat.getPermalink({ channel: message.channel, message_ts: message.ts }),
      );
      return answer.permalink;
    },
    history(channel, oldest, cursor) {
      // Tier 3; 200 a page, as Slack advises (docs.slack.dev conversations.history).
      return spend('conversations.history', undefined, () =>
        client.conversations.history({
          channel,
          oldest,
          limit: 200,
          include_all_metadata: true,
          ...(cursor ? { cursor } : {}),
        }),
      );
    },
    get shedEdits() {
      return lane.shed;
    },
    get rateLimited() {
      return spender.rateLimited;
    },
    close: () => lane.close(),
  };
}
