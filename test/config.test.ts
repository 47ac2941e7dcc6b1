import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { readSecretValues } from '../src/process-env.js';

const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

describe('configuration from the environment', () => {
  it('applies the contract defaults', () => {
    const config = readConfig(base);
    expect(config).toMatchObject({
      PORT: 3000,
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'eas-deploy',
      ALIYUN_CLI: 'aliyun',
      EAS_ALLOWED_USERS: [],
      EAS_ALLOWED_CHANNELS: [],
    });
    expect(config.EAS_NOTIFY_CHANNEL).toBeUndefined();
  });

  it('names a missing required variable in one line', () => {
    expect(() => readConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow(
      /^SLACK_BOT_TOKEN is required but not set$/,
    );
  });

  it('names a malformed variable and says why', () => {
    expect(() => readConfig({ ...base, PORT: 'eighty' })).toThrow(/^PORT is invalid/);
    expect(() => readConfig({ ...base, REDIS_URL: 'localhost:6379' })).toThrow(
      /^REDIS_URL is invalid/,
    );
  });

  it('refuses a malformed allow-list instead of opening the door', () => {
    expect(() => readConfig({ ...base, EAS_ALLOWED_USERS: 'U123,not an id' })).toThrow(
      /^EAS_ALLOWED_USERS is invalid/,
    );
  });

  it('parses comma-separated allow-lists', () => {
    expect(readConfig({ ...base, EAS_ALLOWED_USERS: ' U1AAA, U2BBB ' }).EAS_ALLOWED_USERS).toEqual([
      'U1AAA',
      'U2BBB',
    ]);
  });

  it('needs the signing secret in HTTP mode but not in Socket Mode', () => {
    expect(() => readConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(
      readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).SLACK_APP_TOKEN,
    ).toBe('xapp-1');
  });

  it('applies the governance defaults: no approval, token both ways, a 10 000-entry audit', () => {
    expect(readConfig(base)).toMatchObject({
      EAS_ALLOWED_USERGROUPS: [],
      EAS_APPROVERS: [],
      EAS_APPROVAL_INSTANCE_FAMILIES: [],
      EAS_APPROVAL_TTL_MINUTES: 60,
      EAS_TOKEN_DELIVERY: 'both',
      EAS_AUDIT_MAX_ENTRIES: 10_000,
    });
    expect(readConfig(base).EAS_APPROVAL_GPU_THRESHOLD).toBeUndefined();
  });

  it('parses user groups, approvers, the GPU threshold and instance families', () => {
    const config = readConfig({
      ...base,
      EAS_ALLOWED_USERGROUPS: 'S01DEPLOY, S02OPS',
      EAS_APPROVERS: 'U1BOSS',
      EAS_APPROVAL_GPU_THRESHOLD: '8',
      EAS_APPROVAL_INSTANCE_FAMILIES: 'ecs.gn8, ml.gu8',
      EAS_APPROVAL_TTL_MINUTES: '30',
      EAS_TOKEN_DELIVERY: 'dm',
    });
    expect(config).toMatchObject({
      EAS_ALLOWED_USERGROUPS: ['S01DEPLOY', 'S02OPS'],
      EAS_APPROVERS: ['U1BOSS'],
      EAS_APPROVAL_GPU_THRESHOLD: 8,
      EAS_APPROVAL_INSTANCE_FAMILIES: ['ecs.gn8', 'ml.gu8'],
      EAS_APPROVAL_TTL_MINUTES: 30,
      EAS_TOKEN_DELIVERY: 'dm',
    });
  });

  it('stops start-up on a malformed governance setting, naming it', () => {
    const bad: Record<string, string> = {
      EAS_ALLOWED_USERGROUPS: 'U0123ABCD',
      EAS_APPROVERS: 'alice',
      EAS_APPROVAL_GPU_THRESHOLD: 'eight',
      EAS_APPROVAL_INSTANCE_FAMILIES: 'ecs.gn8;rm -rf',
      EAS_APPROVAL_TTL_MINUTES: '0',
      EAS_TOKEN_DELIVERY: 'channel',
      EAS_AUDIT_MAX_ENTRIES: 'lots',
    };
    for (const [name, value] of Object.entries(bad)) {
      expect(() => readConfig({ ...base, [name]: value })).toThrow(
        new RegExp(`^${name} is invalid`),
      );
    }
  });

  it('watches and probes by default, for up to 30 minutes', () => {
    expect(readConfig(base)).toMatchObject({ EAS_PROBE: 'on', EAS_WATCH_MAX: 30 * 60_000 });
  });

  it('reads EAS_PROBE=off and EAS_WATCH_MAX as a duration', () => {
    expect(readConfig({ ...base, EAS_PROBE: 'off', EAS_WATCH_MAX: '90s' })).toMatchObject({
      EAS_PROBE: 'off',
      EAS_WATCH_MAX: 90_000,
    });
    expect(readConfig({ ...base, EAS_WATCH_MAX: '2h' }).EAS_WATCH_MAX).toBe(7_200_000);
  });

  it('stops start-up on a malformed serving setting, naming it', () => {
    expect(() => readConfig({ ...base, EAS_PROBE: 'yes' })).toThrow(/^EAS_PROBE is invalid/);
    expect(() => readConfig({ ...base, EAS_WATCH_MAX: '30' })).toThrow(
      /^EAS_WATCH_MAX is invalid: must be a duration such as 90s, 30m or 2h$/,
    );
  });
});

describe('the secret values of the environment', () => {
  it('are the Slack tokens, the signing secret and the cloud credentials, nothing else', () => {
    expect(
      readSecretValues({
        SLACK_BOT_TOKEN: 'xoxb-123456',
        SLACK_SIGNING_SECRET: 'abcdef123',
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tExample',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'secretvalue',
        ALIBABA_CLOUD_SECURITY_TOKEN: 'CAISsts',
        ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou',
        PATH: '/usr/bin',
      }).sort(),
    ).toEqual(['CAISsts', 'LTAI5tExample', 'abcdef123', 'secretvalue', 'xoxb-123456'].sort());
  });
});
