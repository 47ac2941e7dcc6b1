import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import {
  type AccessPolicy,
  buildAccessPolicy,
  canReadAudit,
  decideAccess,
  describeAccessPolicy,
} from '../../src/security/access-policy.js';

const policy = (overrides: Partial<AccessPolicy> = {}): AccessPolicy => ({
  allowedUsers: [],
  allowedUsergroups: [],
  allowedChannels: [],
  approvers: [],
  ...overrides,
});

const slackId = fc.stringMatching(/^[UCS][A-Z0-9]{2,10}$/);

describe('who may deploy', () => {
  it('lets everyone deploy anywhere when nothing is configured, and says so at start-up', () => {
    expect(decideAccess(policy(), { userId: 'U1ANY', channelId: 'C1ANY' })).toEqual({
      allowed: true,
    });
    expect(describeAccessPolicy(policy())).toMatch(/everyone may deploy, in any channel/);
  });

  it('refuses someone not on the user list, with a private explanation', () => {
    const decision = decideAccess(policy({ allowedUsers: ['U1OK'] }), {
      userId: 'U2NO',
      channelId: 'C1',
    });
    expect(decision).toEqual({
      allowed: false,
      reason: expect.stringMatching(/not on the list of people who may deploy/),
    });
  });

  it('refuses any channel outside the channel list, even for an allowed user', () => {
    const decision = decideAccess(policy({ allowedUsers: ['U1OK'], allowedChannels: ['C1OK'] }), {
      userId: 'U1OK',
      channelId: 'C2NO',
    });
    expect(decision).toMatchObject({ allowed: false, reason: expect.stringMatching(/channel/) });
  });

  it('lets in a member of an allowed user group', () => {
    const p = policy({ allowedUsergroups: ['S1DEPLOY'] });
    expect(
      decideAccess(p, { userId: 'U3', channelId: 'C1', userGroupsOf: ['S1DEPLOY'] }).allowed,
    ).toBe(true);
    expect(decideAccess(p, { userId: 'U3', channelId: 'C1', userGroupsOf: [] }).allowed).toBe(
      false,
    );
  });

  it('fails closed when user-group membership could not be checked', () => {
    const decision = decideAccess(policy({ allowedUsergroups: ['S1DEPLOY'] }), {
      userId: 'U3',
      channelId: 'C1',
    });
    expect(decision).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/could not be checked/),
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

  it('lets only approvers read the audit log, and nobody when there are none', () => {
    expect(canReadAudit(policy({ approvers: ['U9BOSS'] }), 'U9BOSS')).toBe(true);
    expect(canReadAudit(policy({ approvers: ['U9BOSS'] }), 'U1')).toBe(false);
    expect(canReadAudit(policy(), 'U1')).toBe(false);
  });
});

describe('access decisions (properties)', () => {
  const policies = fc.record({
    allowedUsers: fc.array(slackId, { maxLength: 4 }),
    allowedUsergroups: fc.array(slackId, { maxLength: 3 }),
    allowedChannels: fc.array(slackId, { maxLength: 3 }),
    approvers: fc.array(slackId, { maxLength: 2 }),
  });
  const requests = fc.record({
    userId: slackId,
    channelId: slackId,
    userGroupsOf: fc.option(fc.array(slackId, { maxLength: 3 }), { nil: undefined }),
  });

  it('never allows a channel outside a set channel list', () => {
    fc.assert(
      fc.property(policies, requests, (p, r) => {
        const d = decideAccess(p, r);
        if (p.allowedChannels.length > 0 && !p.allowedChannels.includes(r.channelId)) {
          expect(d.allowed).toBe(false);
        }
      }),
    );
  });

  it('allows a restricted person only through the user list or a listed group they are in', () => {
    fc.assert(
      fc.property(policies, requests, (p, r) => {
        const restricted = p.allowedUsers.length > 0 || p.allowedUsergroups.length > 0;
        if (!restricted || !decideAccess(p, r).allowed) return;
        const viaGroup = (r.userGroupsOf ?? []).some((g) => p.allowedUsergroups.includes(g));
        expect(p.allowedUsers.includes(r.userId) || viaGroup).toBe(true);
      }),
    );
  });

  it('gives every refusal a reason a person can read', () => {
    fc.assert(
      fc.property(policies, requests, (p, r) => {
        const d = decideAccess(p, r);
        if (!d.allowed) expect(d.reason.length).toBeGreaterThan(20);
      }),
    );
  });

  it('never turns "membership unknown" into a yes that a known "no" would refuse', () => {
    fc.assert(
      fc.property(policies, requests, (p, r) => {
        const unknown = decideAccess(p, { userId: r.userId, channelId: r.channelId });
        const known = decideAccess(p, { ...r, userGroupsOf: [] });
        if (unknown.allowed) expect(known.allowed).toBe(true);
      }),
    );
  });
});
