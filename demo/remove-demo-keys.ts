import { keysUnderPrefix } from '../src/queue/keys-under-prefix.js';
import { createRedisConnection } from '../src/queue/redis-connection.js';

/** Deletes every key the demo wrote under its own prefix; answers how many there were. */
export async function removeDemoKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = createRedisConnection(redisUrl, 'producer');
  let removed = 0;
  try {
    for await (const keys of keysUnderPrefix(redis, prefix)) removed += await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
  return removed;
}
