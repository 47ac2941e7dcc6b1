import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { readRedisTarget } from '../../src/queue/redis-options.js';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('REDIS_URL forms', () => {
  it('passes redis:// and rediss:// URLs through to ioredis, with the CA file for rediss', () => {
    expect(readRedisTarget({ url: 'redis://10.0.0.1:6379/2' })).toEqual({
      kind: 'single',
      url: 'redis://10.0.0.1:6379/2',
      options: {},
    });
    expect(readRedisTarget({ url: 'rediss://r.example:6380', tlsCa: CA })).toEqual({
      kind: 'single',
      url: 'rediss://r.example:6380',
      options: { tls: { ca: CA } },
    });
  });

  it('reads a Sentinel URL into sentinels, master name, password and db', () => {
    expect(
      readRedisTarget({ url: 'redis-sentinel://:s3cret@s1:26379,s2:26380/eas-master/1' }),
    ).toEqual({
      kind: 'sentinel',
      options: {
        sentinels: [
          { host: 's1', port: 26379 },
          { host: 's2', port: 26380 },
        ],
        name: 'eas-master',
        password: 's3cret',
        sentinelPassword: 's3cret',
        db: 1,
      },
    });
  });

  it('defaults the Sentinel port and master name', () => {
    expect(readRedisTarget({ url: 'redis-sentinel://s1' }).kind).toBe('sentinel');
    expect(readRedisTarget({ url: 'redis-sentinel://s1' })).toMatchObject({
      options: { sentinels: [{ host: 's1', port: 26379 }], name: 'mymaster' },
    });
  });

  it('logs in to the Sentinels with their own ACL user over TLS when asked', () => {
    const target = readRedisTarget({
      url: 'rediss-sentinel://bot:data%40pw@s1,s2,s3/eas',
      tlsCa: CA,
      sentinelUsername: 'watcher',
      sentinelPassword: 'sentinel-pw',
    });
    expect(target).toEqual({
      kind: 'sentinel',
      options: {
        sentinels: [
          { host: 's1', port: 26379 },
          { host: 's2', port: 26379 },
          { host: 's3', port: 26379 },
        ],
        name: 'eas',
        username: 'bot',
        password: 'data@pw',
        sentinelUsername: 'watcher',
        sentinelPassword: 'sentinel-pw',
        enableTLSForSentinelMode: true,
        tls: { ca: CA },
        sentinelTLS: { ca: CA },
      },
    });
  });

  it('reads a cluster URL into its node list and credentials', () => {
    expect(readRedisTarget({ url: 'redis-cluster://bot:pw@n1:7000,n2:7001,n3' })).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'n1', port: 7000 },
        { host: 'n2', port: 7001 },
        { host: 'n3', port: 6379 },
      ],
      options: { username: 'bot', password: 'pw' },
    });
    expect(readRedisTarget({ url: 'rediss-cluster://n1:7000', tlsCa: CA })).toMatchObject({
      options: { tls: { ca: CA } },
    });
  });
});

describe('QUEUE_PREFIX on a cluster', () => {
  const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

  it('wraps a plain prefix in a hash tag so every key of the install lands in one slot', () => {
    const config = readConfig({
      ...base,
      REDIS_URL: 'redis-cluster://n1:7000',
      QUEUE_PREFIX: 'eas-deploy',
    });
    expect(config.QUEUE_PREFIX).toBe('{eas-deploy}');
  });

  it('keeps a prefix that already carries one hash tag, and refuses two', () => {
    const cluster = { ...base, REDIS_URL: 'redis-cluster://n1:7000' };
    expect(readConfig({ ...cluster, QUEUE_PREFIX: 'prod-{eas}' }).QUEUE_PREFIX).toBe('prod-{eas}');
    expect(() => readConfig({ ...cluster, QUEUE_PREFIX: '{a}{b}' })).toThrow(
      /^QUEUE_PREFIX is invalid/,
    );
  });

  it('leaves the prefix alone outside cluster mode', () => {
    expect(readConfig({ ...base, QUEUE_PREFIX: 'eas-deploy' }).QUEUE_PREFIX).toBe('eas-deploy');
  });
});
