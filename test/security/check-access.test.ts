import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import {
  type AccessPolicy,
  buildAccessPolicy,
  describeAccessPolicy,
} from '../../src/security/access-policy.js';
import { type AccessRequest, checkAccess } from '../../src/security/check-access.js';
import type { Membership, UsergroupMembers } from '../../src/security/usergroup-members.js';

const policy = (overrides: Partial<AccessPolicy> = {}): AccessPolicy => ({
  allowedUsers: [],
  allowedUsergroups: [],
  allowedChannels: [],
  approvers: [],
  ...overrides,
});

/** Slack's answer about user groups, fixed per test; counts how often it was asked. */
function groups(membership: Membership) {
  const asked: string[] = [];
  const members: UsergroupMembers = {
    groupsOf: async (userId) => {
      asked.push(userId);
      return membership;
    },
    forget: () => {},
  };
  return { members, asked };
}
const none = groups({ known: true, groups: [] }).members;
const use = (userId: string, channelId?: string): AccessRequest => ({
  userId,
  need: 'use',
  ...(channelId === undefined ? {} : { channelId }),
});

describe('who may use eas-deploy', () => {
  it('lets everyone deploy anywhere when nothing is configured, and says so at start-up', async () => {
    expect(await checkAccess(policy(), none, use('U1ANY', 'C1ANY'))).toEqual({ allowed: true });
    expect(describeAccessPolicy(policy())).toMatch(/everyone may deploy, in any channel/);
  });

  it('refuses someone not on the user list, with a private explanation', async () => {
    expect(await checkAccess(policy({ allowedUsers: ['U1OK'] }), none, use('U2NO', 'C1'))).toEqual({
      allowed: false,
      reason: expect.stringMatching(/not on the list of people who may deploy/),
    });
  });

  it('refuses any channel outside the channel list, even for an allowed user, without asking Slack', async () => {
    const slack = groups({ known: true, groups: ['S1'] });
    const decision = await checkAccess(
      policy({ allowedUsers: ['U1OK'], allowedUsergroups: ['S1'], allowedChannels: ['C1OK'] }),
      slack.members,
      use('U3', 'C2NO'),
    );
    expect(decision).toMatchObject({ allowed: false, reason: expect.stringMatching(/channel/) });
    expect(slack.asked).toEqual([]);
  });

  it('applies no channel list on App Home, which is no channel', async () => {
    const p = policy({ allowedUsers: ['U1OK'], allowedChannels: ['C1OK'] });
    expect(await checkAccess(p, none, use('U1OK'))).toEqual({ allowed: true });
  });

  it('asks Slack about groups only for someone not on the user list', async () => {
    const slack = groups({ known: true, groups: ['S1DEPLOY'] });
    const p = policy({ allowedUsers: ['U1OK'], allowedUsergroups: ['S1DEPLOY'] });
    expect((await checkAccess(p, slack.members, use('U1OK', 'C1'))).allowed).toBe(true);
    expect(slack.asked).toEqual([]);
    expect((await checkAccess(p, slack.members, use('U3', 'C1'))).allowed).toBe(true);
    expect(slack.asked).toEqual(['U3']);
  });

  it('fails closed, naming the cause, when user-group membership could not be checked', async () => {
    const slack = groups({ known: false, cause: 'usergroups.users.list: ratelimited' });
    expect(
      await checkAccess(
        policy({ allowedUsergroups: ['S1DEPLOY'] }),
        slack.members,
        use('U3', 'C1'),
      ),
    ).toEqual({
      allowed: false,
      reason: expect.stringMatching(/could not be checked .*ratelimited/),
      cause: 'usergroups.users.list: ratelimited',
    });
  });

  it('names the lists in the start-up line when they are set', () => {
    const config = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      EAS_ALLOWED_USERS: 'U1A',
      EAS_ALLOWED_USERGROUPS: 'S1G',
      EAS_ALLOWED_CHANNELS: 'C1C',
      EAS_APPROVERS: 'U9BOSS',
    });
    expect(describeAccessPolicy(buildAccessPolicy(config))).toBe(
      'Access: only users U1A and members of user groups S1G may deploy, only in channels C1C; approvers: U9BOSS.',
    );
  });

  it('lets only approvers read the audit log, and nobody when there are none', async () => {
    const audit = (p: AccessPolicy, userId: string) =>
      checkAccess(p, none, { userId, channelId: 'C1', need: 'read-audit' });
    expect((await audit(policy({ approvers: ['U9BOSS'] }), 'U9BOSS')).allowed).toBe(true);
    expect(await audit(policy({ approvers: ['U9BOSS'] }), 'U1')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/Only the approvers/),
    });
    expect((await audit(policy(), 'U1')).allowed).toBe(false);
  });
});

const slackId = fc.stringMatching(/^[UCS][A-Z0-9]{2,10}$/);
const policies = fc.record({
  allowedUsers: fc.array(slackId, { maxLength: 4 }),
  allowedUsergroups: fc.array(slackId, { maxLength: 3 }),
  allowedChannels: fc.array(slackId, { maxLength: 3 }),
  approvers: fc.array(slackId, { maxLength: 2 }),
});
const memberships = fc.oneof(
  fc.record({ known: fc.constant(true as const), groups: fc.array(slackId, { maxLength: 3 }) }),
  fc.record({ known: fc.constant(false as const), cause: fc.constant('ratelimited') }),
);

describe('access decisions (properties)', () => {
  it('allows only within the channel list, through the user list or an allowed group one is in', async () => {
    await fc.assert(
      fc.asyncProperty(policies, slackId, slackId, memberships, async (p, userId, channelId, m) => {
        const d = await checkAccess(p, groups(m).members, use(userId, channelId));
        if (!d.allowed) {
          expect(d.reason.length).toBeGreaterThan(20);
          return;
        }
        if (p.allowedChannels.length > 0) expect(p.allowedChannels).toContain(channelId);
        const restricted = p.allowedUsers.length > 0 || p.allowedUsergroups.length > 0;
        const viaGroup = m.known && m.groups.length > 0 && p.allowedUsergroups.length > 0;
        if (restricted) expect(p.allowedUsers.includes(userId) || viaGroup).toBe(true);
      }),
    );
  });
});
