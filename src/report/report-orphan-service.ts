import type { SlackMessage } from '../../blocks/progress-message.js';
import type { LabelledService } from '../orphans/labelled-service.js';
import type { SlackOutbox } from './slack-outbox.js';
import { tellPrivately } from './tell-privately.js';

/** What the owner reads about a service of theirs that the bot has lost track of. */
export function buildOrphanMessage(orphan: LabelledService): SlackMessage {
  const owner = orphan.ownerId ? `<@${orphan.ownerId}>, ` : '';
  const expiry =
    orphan.expiresAt && orphan.expiresAt !== 'never'
      ? ` Its label says it expires at ${orphan.expiresAt}, but without a record the bot will not stop it then.`
      : '';
  return {
    text:
      `${owner}\`${orphan.serviceName}\` in ${orphan.region} (${orphan.status}) was made by eas-deploy ` +
      `(deployment ${orphan.requestId}), but the bot has no record of it any more (its Redis data was ` +
      `lost), so no thread or button follows it. It is still in your account and may be costing money.` +
      `${expiry} Check it in the PAI-EAS console, and stop or delete it there if nobody needs it.`,
    blocks: [],
  };
}

/**
 * Posts the notice to the owner privately (a DM), or in the channel of the labels when there is no
 * owner label, or in the notify channel as the last resort; false when there is nowhere to post.
 */
export function createOrphanReporter(outbox: SlackOutbox, notifyChannel?: string) {
  return async (orphan: LabelledService): Promise<boolean> => {
    const message = buildOrphanMessage(orphan);
    if (orphan.ownerId) {
      await tellPrivately(outbox, { userId: orphan.ownerId }, message, { delivery: 'dm' });
      return true;
    }
    const channel = orphan.channelId ?? notifyChannel;
    if (!channel) return false;
    await outbox.post({ channel }, message);
    return true;
  };
}
