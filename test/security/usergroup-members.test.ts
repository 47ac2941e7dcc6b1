import { describe, expect, it } from 'vitest';
import type { AccessPolicy } from '../../src/security/access-policy.js';
import { checkAccess } from '../../src/security/check-access.js';
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

const policy: AccessPolicy = {
  allowedUsers: ['U1LISTED'],
  allowedUsergroups: ['S1DEPLOY', 'S2OPS'],
  allowedChannels: [],
  approvers: [],
};

describe('user-group membership', () => {
  it('finds the allowed groups a person is in', async () => {
    const slack = fakeSlack({ S1DEPLOY: ['U2'], S2OPS: ['U2', 'U3'] });
    const members = createUsergroupMembers({ listUsergroupUsers: slack.listUsergroupUsers });
    expect(await members.groupsOf('U2', ['S1DEPLOY', 'S2OPS'])).toEqual(['S1DEPLOY', 'S2OPS']);
    expect(await members.groupsOf('U4', ['S1DEPLOY', 'S2OPS'])).toEqual([]);
  });

  it('forgets one group when told its members changed, even while its list is being asked', async () => {
    const groups: Record<string, string[]> = { S1DEPLOY: ['U2'], S2OPS: ['U3'] };
    const slack = fakeSlack(groups);
    const members = createUsergroupMembers({ listUsergroupUsers: slack.listUsergroupUsers });
    // The change is announced while the first lists are on their way: they answer, but are not kept.
    const early = members.groupsOf('U2', ['S1DEPLOY', 'S2OPS']);
    members.forget('S1DEPLOY');
    expect(await early).toEqual(['S1DEPLOY']);
    groups.S1DEPLOY = [];
    expect(await members.groupsOf('U2', ['S1DEPLOY', 'S2OPS'])).toEqual([]);
    expect(slack.calls.filter((id) => id === 'S1DEPLOY')).toHaveLength(2);
    // A cached list is dropped too; the other group stays cached (asked once in all).
    members.forget('S1DEPLOY');
    groups.S1DEPLOY = ['U2'];
    expect(await members.groupsOf('U2', ['S1DEPLOY', 'S2OPS'])).toEqual(['S1DEPLOY']);
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

  it('answers "unknown" when Slack fails, and asks again next time', async () => {
    const slack = fakeSlack({ S1DEPLOY: ['U2'] });
    const members = createUsergroupMembers({ listUsergroupUsers: slack.listUsergroupUsers });
    slack.fail(true);
    expect(await members.groupsOf('U2', ['S1DEPLOY'])).toBeUndefined();
    slack.fail(false);
    expect(await members.groupsOf('U2', ['S1DEPLOY'])).toEqual(['S1DEPLOY']);
  });
});

describe('checking access before a deployment', () => {
  it('does not ask Slack for someone on the user list', async () => {
    const slack = fakeSlack({});
    const members = createUsergroupMembers({ listUsergroupUsers: slack.listUsergroupUsers });
    expect(await checkAccess(policy, members, { userId: 'U1LISTED', channelId: 'C1' })).toEqual({
      allowed: true,
    });
    expect(slack.calls).toEqual([]);
  });

  it('lets in a group member and refuses a stranger', async () => {
    const slack = fakeSlack({ S2OPS: ['U3'] });
    const members = createUsergroupMembers({ listUsergroupUsers: slack.listUsergroupUsers });
    expect((await checkAccess(policy, members, { userId: 'U3', channelId: 'C1' })).allowed).toBe(
      true,
    );
    expect(await checkAccess(policy, members, { userId: 'U9', channelId: 'C1' })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/not on the list/),
    });
  });

  it('refuses, saying the check could not be made, when Slack is down', async () => {
    const slack = fakeSlack({ S2OPS: ['U3'] });
    slack.fail(true);
    const members = createUsergroupMembers({ listUsergroupUsers: slack.listUsergroupUsers });
    expect(await checkAccess(policy, members, { userId: 'U3', channelId: 'C1' })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/could not be checked/),
    });
  });

  it('refuses a wrong channel without asking Slack', async () => {
    const slack = fakeSlack({ S2OPS: ['U3'] });
    const members = createUsergroupMembers({ listUsergroupUsers: slack.listUsergroupUsers });
    const decision = await checkAccess({ ...policy, allowedChannels: ['C1OK'] }, members, {
      userId: 'U3',
      channelId: 'C2',
    });
    expect(decision.allowed).toBe(false);
    expect(slack.calls).toEqual([]);
  });
});
