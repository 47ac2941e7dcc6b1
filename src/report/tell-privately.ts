import type { SlackMessage } from '../../blocks/progress-message.js';
import type { SlackOutbox } from './slack-outbox.js';

/** `ephemeral`: in the channel (DM when that fails); `dm`: a direct message; `both`: the two. */
export type PrivateDelivery = 'ephemeral' | 'dm' | 'both';

/** Where a person can be told something: always them, and the channel (thread) when there is one. */
export interface PrivateAddress {
  readonly userId: string;
  readonly channelId?: string;
  readonly threadTs?: string;
}

/**
 * Tells one person something only they see: an ephemeral message in the channel (thread) when
 * possible, a direct message when that fails (the bot is not in the channel, no channel) or when
 * asked for. `secret`: the private token message, the one message the redactor leaves as it is.
 */
export async function tellPrivately(
  outbox: SlackOutbox,
  where: PrivateAddress,
  message: SlackMessage,
  options: { delivery?: PrivateDelivery; secret?: boolean } = {},
): Promise<void> {
  const delivery = options.delivery ?? 'ephemeral';
  const send = { secret: options.secret ?? false };
  let delivered = false;
  if (delivery !== 'dm' && where.channelId) {
    const thread = where.threadTs ? { threadTs: where.threadTs } : {};
    delivered = await outbox
      .postEphemeral({ channel: where.channelId, user: where.userId, ...thread }, message, send)
      .then(
        () => true,
        () => false,
      );
  }
  if (delivered && delivery === 'ephemeral') return;
  const dm = await outbox.openDirectMessage(where.userId);
  await outbox.post({ channel: dm }, message, send);
}
