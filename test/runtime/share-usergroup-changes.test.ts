import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { shareUsergroupChanges } from '../../src/runtime/share-usergroup-changes.js';
import { createUsergroupMembers } from '../../src/security/usergroup-members.js';
import { REDIS_URL, uniquePrefix } from '../support/redis.js';

const logger = createLogger({ level: 'silent' });
const opened: Array<{ close(): void; publisher: { disconnect(): void } }> = [];

/** One bot process's membership cache, shared over Redis, counting what it asks Slack. */
function startBot(prefix: string, members: () => string[]) {
  const asked: string[] = [];
  const local = createUsergroupMembers({
    listUsergroupUsers: async (group) => {
      asked.push(group);
      return members();
    },
  });
  const publisher = createRedisConnection(REDIS_URL, 'producer');
  const shared = shareUsergroupChanges(local, {
    publisher,
    subscriber: publisher.duplicate(),
    prefix,
    logger,
  });
  opened.push({ close: shared.close, publisher });
  return { members: shared.members, asked };
}

afterEach(() => {
  for (const bot of opened.splice(0)) {
    bot.close();
    bot.publisher.disconnect();
  }
});

describe('a user-group change heard by one bot process', () => {
  it('makes every bot process ask Slack for the group again', async () => {
    const prefix = uniquePrefix('ugc');
    let inGroup = ['U0ALICE'];
    const a = startBot(prefix, () => inGroup);
    const b = startBot(prefix, () => inGroup);
    expect(await b.members.groupsOf('U0ALICE', ['S0OPS'])).toEqual({
      known: true,
      groups: ['S0OPS'],
    });
    expect(b.asked).toEqual(['S0OPS']);

    // Alice leaves the group; Slack's subteam_members_changed reaches bot A only.
    inGroup = [];
    await vi.waitFor(async () => {
      a.members.forget('S0OPS');
      expect(await b.members.groupsOf('U0ALICE', ['S0OPS'])).toEqual({ known: true, groups: [] });
    });
    expect(b.asked.length).toBeGreaterThan(1);
  });

  it('does not reach the bots of another install', async () => {
    const prefix = uniquePrefix('ugc');
    const ours = startBot(prefix, () => ['U0ALICE']);
    const oursToo = startBot(prefix, () => ['U0ALICE']);
    const theirs = startBot(uniquePrefix('ugc'), () => ['U0ALICE']);
    for (const bot of [oursToo, theirs]) await bot.members.groupsOf('U0ALICE', ['S0OPS']);
    // Once our other bot has heard the change, theirs would have heard it too on a shared channel.
    await vi.waitFor(async () => {
      ours.members.forget('S0OPS');
      await oursToo.members.groupsOf('U0ALICE', ['S0OPS']);
      expect(oursToo.asked.length).toBeGreaterThan(1);
    });
    await theirs.members.groupsOf('U0ALICE', ['S0OPS']);
    expect(theirs.asked).toEqual(['S0OPS']);
  });
});
