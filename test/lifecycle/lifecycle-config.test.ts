import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { needsApproval } from '../../src/security/approval-rules.js';

const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

describe('the lifecycle environment (CONTRACT.md "Environment added")', () => {
  it('defaults to a one-day lifetime, a reminder an hour before, and asking again at expiry', () => {
    expect(readConfig(base)).toMatchObject({
      EAS_ADMIN_USERS: [],
      EAS_DEFAULT_TTL: '1d',
      EAS_REMIND_BEFORE: 3_600_000,
      EAS_TTL_ACTION: 'remind',
      EAS_TTL_NEVER_NEEDS_APPROVAL: false,
    });
    // docker compose passes unset variables as empty strings.
    expect(
      readConfig({ ...base, EAS_DEFAULT_TTL: '', EAS_REMIND_BEFORE: '', EAS_TTL_ACTION: '' }),
    ).toMatchObject({
      EAS_DEFAULT_TTL: '1d',
      EAS_REMIND_BEFORE: 3_600_000,
      EAS_TTL_ACTION: 'remind',
    });
  });

  it('reads short test durations and never', () => {
    const config = readConfig({
      ...base,
      EAS_DEFAULT_TTL: 'never',
      EAS_REMIND_BEFORE: '10s',
      EAS_TTL_ACTION: 'stop',
    });
    expect(config).toMatchObject({
      EAS_DEFAULT_TTL: 'never',
      EAS_REMIND_BEFORE: 10_000,
      EAS_TTL_ACTION: 'stop',
    });
  });

  it('names a malformed lifecycle variable in one line', () => {
    expect(() => readConfig({ ...base, EAS_DEFAULT_TTL: 'a week' })).toThrow(
      /^EAS_DEFAULT_TTL is invalid/,
    );
    expect(() => readConfig({ ...base, EAS_REMIND_BEFORE: 'never' })).toThrow(
      /^EAS_REMIND_BEFORE is invalid/,
    );
    expect(() => readConfig({ ...base, EAS_TTL_ACTION: 'delete' })).toThrow(
      /^EAS_TTL_ACTION is invalid/,
    );
    expect(() => readConfig({ ...base, EAS_ADMIN_USERS: 'root' })).toThrow(
      /^EAS_ADMIN_USERS is invalid/,
    );
  });

  it('makes ttl=never need approval only when the switch is on', () => {
    const input = {
      gpuCount: 1,
      replicas: 1,
      instanceType: 'ecs.gn7i-c16g1.4xlarge',
      neverExpires: true,
    };
    expect(needsApproval({ instanceFamilies: [] }, input).needed).toBe(false);
    expect(needsApproval({ instanceFamilies: [], neverNeedsApproval: true }, input)).toEqual({
      needed: true,
      why: 'Needs approval: it would never expire (ttl never).',
    });
  });
});
