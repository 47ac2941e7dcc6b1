import type { Redis } from 'ioredis';

/** Every key under `<prefix>:`, in SCAN batches (never KEYS: it would block Redis). */
export async function* keysUnderPrefix(redis: Redis, prefix: string): AsyncGenerator<string[]> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) yield keys;
  } while (cursor !== '0');
}
