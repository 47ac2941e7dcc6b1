import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { keysUnderPrefix } from '../../src/queue/keys-under-prefix.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix of this test's own, so runs never share jobs or keys. */
export const uniquePrefix = (label = 'test'): string => `${label}-${randomUUID().slice(0, 8)}`;

/** A plain connection for assertions and clean-up. */
export const connectRedis = (): Redis => new Redis(REDIS_URL, { maxRetriesPerRequest: null });

/** Deletes every key under the prefix. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of keysUnderPrefix(redis, prefix)) await redis.del(...keys);
}
