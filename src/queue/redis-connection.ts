import { Redis, type RedisOptions } from 'ioredis';
import { redisOptionsFromUrl } from './redis-options.js';

/**
 * Redis connections for the two sides of the queue. The bot (producer) fails fast so a person
 * hears "queue unavailable" within Slack's 3 seconds; the worker (blocking consumer) must wait
 * forever and reconnect, as BullMQ requires (`maxRetriesPerRequest: null`).
 */
export type ConnectionRole = 'producer' | 'worker';

const ROLE_OPTIONS: Record<ConnectionRole, RedisOptions> = {
  producer: {
    // One retry, then the command fails; submitDeployment also bounds the whole call by a timeout.
    maxRetriesPerRequest: 1,
    connectTimeout: 1_500,
    // Keep trying in the background so the bot recovers when Redis comes back.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  },
  worker: {
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 500, 5_000),
  },
};

/** Opens an ioredis connection for one role; errors are logged by the caller, never thrown async. */
export function createRedisConnection(url: string, role: ConnectionRole): Redis {
  const target = redisOptionsFromUrl(url);
  const options = { ...target.options, ...ROLE_OPTIONS[role], lazyConnect: false };
  const redis = target.url ? new Redis(target.url, options) : new Redis(options);
  // Without a listener ioredis prints unhandled error events; callers attach their own logger too.
  redis.on('error', () => {});
  return redis;
}
