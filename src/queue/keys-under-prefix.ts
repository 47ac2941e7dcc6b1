import { Cluster, type Redis } from 'ioredis';
import type { RedisClient } from './redis-connection.js';

/**
 * Every key under `<prefix>:`, in SCAN batches (never KEYS: it would block Redis). SCAN walks one
 * server, so on a cluster every primary is scanned (with a `{hash tag}` prefix only one holds keys).
 */
export async function* keysUnderPrefix(
  redis: RedisClient,
  prefix: string,
): AsyncGenerator<string[]> {
  const servers: Redis[] = redis instanceof Cluster ? await primariesOf(redis) : [redis];
  for (const server of servers) {
    let cursor = '0';
    do {
      const [next, keys] = await server.scan(
        cursor,
        'MATCH',
        `${escapeGlob(prefix)}:*`,
        'COUNT',
        500,
      );
      cursor = next;
      if (keys.length > 0) yield keys;
    } while (cursor !== '0');
  }
}

/** The cluster's primaries; a new Cluster client knows them only once it is ready. */
async function primariesOf(cluster: Cluster): Promise<Redis[]> {
  if (cluster.status !== 'ready') {
    await new Promise<void>((resolve, reject) => {
      cluster.once('ready', () => resolve());
      cluster.once('end', () => reject(new Error('the cluster connection closed')));
    });
  }
  return cluster.nodes('master');
}

/** A prefix such as `{eas}` must match itself, not a glob character class. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
