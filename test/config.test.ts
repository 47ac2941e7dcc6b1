import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';

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
});
