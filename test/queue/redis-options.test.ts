import { describe, expect, it } from 'vitest';
import { redisOptionsFromUrl } from '../../src/queue/redis-options.js';

describe('REDIS_URL forms', () => {
  it('passes redis:// and rediss:// URLs through to ioredis', () => {
    expect(redisOptionsFromUrl('redis://10.0.0.1:6379/2')).toEqual({
      url: 'redis://10.0.0.1:6379/2',
      options: {},
    });
    expect(redisOptionsFromUrl('rediss://r.example:6380').url).toBe('rediss://r.example:6380');
  });

  it('reads a Sentinel URL into sentinels, master name, password and db', () => {
    expect(redisOptionsFromUrl('redis-sentinel://:s3cret@s1:26379,s2:26380/eas-master/1')).toEqual({
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
    expect(redisOptionsFromUrl('redis-sentinel://s1').options).toEqual({
      sentinels: [{ host: 's1', port: 26379 }],
      name: 'mymaster',
    });
  });
});
