import type { Logger } from '../logger.js';
import type { RedisClient } from '../queue/redis-connection.js';
import type { UsergroupMembers } from '../security/usergroup-members.js';

export interface SharedUsergroupChanges {
  /** The membership every listener uses: forgetting a group here forgets it in every bot process. */
  readonly members: UsergroupMembers;
  close(): void;
}

export interface ShareOptions {
  /** Publishes the change; the bot's ordinary connection. */
  readonly publisher: RedisClient;
  /** A connection of its own: a subscribed connection can do nothing else. */
  readonly subscriber: RedisClient;
  readonly prefix: string;
  readonly logger: Logger;
}

/**
 * Slack sends `subteam_members_changed` to one bot process of several; it tells the others on a
 * Redis channel of the install, so each drops its cached member list at once. A message lost
 * while Redis fails over costs at most the cache's TTL.
 */
export function shareUsergroupChanges(
  local: UsergroupMembers,
  options: ShareOptions,
): SharedUsergroupChanges {
  const channel = `${options.prefix}:usergroup-changed`;
  const log = options.logger.child({ part: 'usergroup-changes' });
  options.subscriber.on('message', (from: string, usergroupId: string) => {
    if (from === channel) local.forget(usergroupId);
  });
  options.subscriber
    .subscribe(channel)
    .catch((err: unknown) => log.warn({ err }, 'user-group changes from other bots are not heard'));
  return {
    members: {
      groupsOf: (userId, usergroupIds) => local.groupsOf(userId, usergroupIds),
      forget(usergroupId) {
        local.forget(usergroupId);
        options.publisher
          .publish(channel, usergroupId)
          .catch((err: unknown) =>
            log.warn({ err }, 'other bots were not told of a user-group change'),
          );
      },
    },
    close: () => options.subscriber.disconnect(),
  };
}
