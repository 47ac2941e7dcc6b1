import { LRUCache } from 'lru-cache';

/** Lists a Slack user group's members (`usergroups.users.list`); throws when Slack cannot say. */
export type ListUsergroupUsers = (usergroupId: string) => Promise<readonly string[]>;

export interface UsergroupMembersOptions {
  readonly listUsergroupUsers: ListUsergroupUsers;
  /** How long a group's member list is trusted; default 5 minutes. */
  readonly ttlMs?: number;
  /** The clock the cache reads (milliseconds); tests pass their own. */
  readonly now?: () => number;
}

/** Which of the asked groups a person is in, or why that is not known (fail closed). */
export type Membership = { known: true; groups: string[] } | { known: false; cause: string };

export interface UsergroupMembers {
  groupsOf(userId: string, usergroupIds: readonly string[]): Promise<Membership>;
  /** Forgets one group's list (its members changed: Slack's `subteam_members_changed`). */
  forget(usergroupId: string): void;
}

const describeFailure = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * User-group membership through Slack (Tier 2), cached per group with one call in flight per group.
 * A failure is not cached: the next request asks again.
 */
export function createUsergroupMembers(options: UsergroupMembersOptions): UsergroupMembers {
  const cache = new LRUCache<string, ReadonlySet<string>>({
    max: 1_000,
    ttl: options.ttlMs ?? 5 * 60_000,
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    fetchMethod: async (groupId) => new Set(await options.listUsergroupUsers(groupId)),
  });
  const membersOf = async (groupId: string): Promise<ReadonlySet<string> | undefined> => {
    const status: LRUCache.Status<string, ReadonlySet<string>> = {};
    try {
      return await cache.fetch(groupId, { status });
    } catch (error) {
      // Forgotten while Slack was answering (its members changed): the answer is asked anew.
      if (status.fetchAborted) return cache.fetch(groupId);
      throw error;
    }
  };
  return {
    async groupsOf(userId, usergroupIds) {
      const lists = await Promise.allSettled(usergroupIds.map(membersOf));
      const groups = usergroupIds.filter((_, i) => {
        const list = lists[i];
        return list?.status === 'fulfilled' && list.value?.has(userId);
      });
      // Known member of one group is enough; otherwise an unreadable group makes it unknown.
      const failed = lists.find((list) => list.status === 'rejected');
      if (groups.length > 0 || !failed) return { known: true, groups };
      return { known: false, cause: describeFailure(failed.reason) };
    },
    forget(usergroupId) {
      cache.delete(usergroupId);
    },
  };
}
