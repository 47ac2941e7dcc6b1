import type { RedisClient } from './redis-connection.js';

/**
 * A per-region limit on deployments running at once, so a burst does not get the account
 * throttled. BullMQ's open-source edition has global concurrency but no per-group limit, so this
 * is a small lease semaphore in Redis (a sorted set of holders scored by lease expiry); a worker
 * that dies leaves a lease that simply expires.
 */
export interface RegionSlots {
  tryAcquire(region: string, holder: string): Promise<boolean>;
  release(region: string, holder: string): Promise<void>;
  /** Holders currently counted against the region (for tests and metrics). */
  holders(region: string): Promise<string[]>;
}

const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return 1
end
return 0`;

/** Creates the semaphore; `leaseMs` bounds how long a crashed holder blocks a slot. */
export function createRegionSlots(
  redis: RedisClient,
  prefix: string,
  limit: number,
  leaseMs = 15 * 60_000,
): RegionSlots {
  const key = (region: string) => `${prefix}:region-slots:${region}`;
  return {
    async tryAcquire(region, holder) {
      const now = Date.now();
      const got = await redis.eval(
        ACQUIRE,
        1,
        key(region),
        now,
        limit,
        holder,
        now + leaseMs,
        leaseMs,
      );
      return got === 1;
    },
    async release(region, holder) {
      await redis.zrem(key(region), holder);
    },
    async holders(region) {
      await redis.zremrangebyscore(key(region), '-inf', Date.now());
      return redis.zrange(key(region), 0, -1);
    },
  };
}
