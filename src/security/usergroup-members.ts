/**
 * Resolves which of the allowed Slack user groups a person belongs to, through
 * `usergroups.users.list` (Tier 2: cached per group with a TTL, one call in flight per group).
 * A Slack error fails CLOSED: the answer is "unknown", which decideAccess refuses.
 */
export type ListUsergroupUsers = (usergroupId: string) => Promise<readonly string[]>;

export interface UsergroupMembersOptions {
  readonly listUsergroupUsers: ListUsergroupUsers;
  /** How long a group's member list is trusted; default 5 minutes. */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

export interface UsergroupMembers {
  /** The groups (of those given) the user is in, or undefined when any group could not be read. */
  groupsOf(userId: string, usergroupIds: readonly string[]): Promise<string[] | undefined>;
  /** Forgets the cached lists. */
  clear(): void;
  /** Forgets one group's list (its members changed: Slack's `subteam_members_changed`). */
  forget(usergroupId: string): void;
}

interface CachedGroup {
  readonly members: ReadonlySet<string>;
  readonly expiresAt: number;
}

/** Creates the cached, fail-closed resolver of user-group membership. */
export function createUsergroupMembers(options: UsergroupMembersOptions): UsergroupMembers {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, CachedGroup>();
  const inFlight = new Map<string, Promise<ReadonlySet<string> | undefined>>();
  // Bumped when a group is forgotten: a list asked for before that is not cached when it arrives.
  const generations = new Map<string, number>();

  const load = (groupId: string): Promise<ReadonlySet<string> | undefined> => {
    const cached = cache.get(groupId);
    if (cached && cached.expiresAt > now()) return Promise.resolve(cached.members);
    const pending = inFlight.get(groupId);
    if (pending) return pending;
    const generation = generations.get(groupId) ?? 0;
    const loading = options
      .listUsergroupUsers(groupId)
      .then((users) => {
        const members = new Set(users);
        if ((generations.get(groupId) ?? 0) === generation) {
          cache.set(groupId, { members, expiresAt: now() + ttlMs });
        }
        return members as ReadonlySet<string>;
      })
      // A failure is not cached: the next request asks Slack again.
      .catch(() => undefined)
      .finally(() => {
        if (inFlight.get(groupId) === loading) inFlight.delete(groupId);
      });
    inFlight.set(groupId, loading);
    return loading;
  };

  return {
    async groupsOf(userId, usergroupIds) {
      const lists = await Promise.all(usergroupIds.map(load));
      const found: string[] = [];
      for (const [index, members] of lists.entries()) {
        const groupId = usergroupIds[index];
        if (groupId === undefined) continue;
        if (members?.has(userId)) found.push(groupId);
      }
      // Known member of one group is enough; otherwise any unreadable group makes the answer unknown.
      if (found.length > 0) return found;
      return lists.some((members) => members === undefined) ? undefined : found;
    },
    clear() {
      cache.clear();
    },
    forget(usergroupId) {
      generations.set(usergroupId, (generations.get(usergroupId) ?? 0) + 1);
      cache.delete(usergroupId);
      inFlight.delete(usergroupId);
    },
  };
}
