import { describe, expect, it } from 'vitest';
import { createUsergroupMembers } from '../../src/security/usergroup-members.js';

/** A stand-in for usergroups.users.list that counts its calls and can be made to fail. */
function fakeSlack(groups: Record<string, string[]>) {
  const calls: string[] = [];
  let failing = false;
  return {
    calls,
    fail(on: boolean) {
      failing = on;
    },
    async listUsergroupUsers(id: string): Promise<string[]> {
      calls.push(id);
      if (failing) throw new Error('slack_webapi_platform_error: ratelimited');
      return groups[id] ?? [];
    },
  };
}

describe('user-group membership', () => {
  it('finds the allowed groups a person is in', async () => {
    const slack = fakeSlack({ S1DEPLOY: ['U2'], S2OPS: ['U2', 'U3'] });
    const members = createUsergroupMembers({ listUsergroupUsers: slack.listUsergroupUsers });
    expect(await members.groupsOf('U2', ['S1DEPLOY', 'S2OPS'])).toEqual({
      known: true,
      groups: ['S1DEPLOY', 'S2OPS'],
    });
    expect(await members.groupsOf('U4', ['S1DEPLOY', 'S2OPS'])).toEqual({
      known: true,
      groups: [],
    });
  });

  it('forgets one group when told its members changed, even while its list is being asked', async () => {
    const groups: Record<string, string[]> = { S1DEPLOY: ['U2'], S2OPS: ['U3'] };
    const slack = fakeSlack(groups);
    const members = createUsergroupMembers({ listUsergroupUsers: slack.listUsergroupUsers });
    // U2 leaves while the first lists are on their way: the old list is not kept, the new one is asked.
    const early = members.groupsOf('U2', ['S1DEPLOY', 'S2OPS']);
    groups.S1DEPLOY = [];
    members.forget('S1DEPLOY');
    expect(await early).toEqual({ known: true, groups: [] });
    expect(await members.groupsOf('U2', ['S1DEPLOY', 'S2OPS'])).toEqual({
      known: true,
      groups: [],
    });
    expect(slack.calls.filter((id) => id === 'S1DEPLOY')).toHaveLength(2);
    // A cached list is dropped too; the other group stays cached (asked once in all).
    groups.S1DEPLOY = ['U2'];
    members.forget('S1DEPLOY');
    expect(await members.groupsOf('U2', ['S1DEPLOY', 'S2OPS'])).toEqual({
      known: true,
      groups: ['S1DEPLOY'],
    });
    expect(slack.calls.filter((id) => id === 'S2OPS')).toHaveLength(1);
  });

  it('asks Slack once per group until the cache expires', async () => {
    let clock = 1_000;
    const slack = fakeSlack({ S1DEPLOY: ['U2'] });
    const members = createUsergroupMembers({
      listUsergroupUsers: slack.listUsergroupUsers,
      ttlMs: 60_000,
      now: () => clock,
    });
    await Promise.all([members.groupsOf('U2', ['S1DEPLOY']), members.groupsOf('U3', ['S1DEPLOY'])]);
    await members.groupsOf('U2', ['S1DEPLOY']);
    expect(slack.calls).toEqual(['S1DEPLOY']);
    clock += 60_001;
    await members.groupsOf('U2', ['S1DEPLOY']);
    expect(slack.calls).toEqual(['S1DEPLOY', 'S1DEPLOY']);
  });

  it('answers "unknown", with the reason Slack gave, when Slack fails, and asks again next time', async () => {
    const slack = fakeSlack({ S1DEPLOY: ['U2'] });
    const members = createUsergroupMembers({ listUsergroupUsers: slack.listUsergroupUsers });
    slack.fail(true);
    expect(await members.groupsOf('U2', ['S1DEPLOY'])).toEqual({
      known: false,
      cause: 'slack_webapi_platform_error: ratelimited',
    });
    slack.fail(false);
    expect(await members.groupsOf('U2', ['S1DEPLOY'])).toEqual({
      known: true,
      groups: ['S1DEPLOY'],
    });
  });
});
