import type { Config } from '../config.js';
import type { RedisClient } from './redis-connection.js';

/** How many replicas must hold a write before it counts as safe, and how long to wait for them. */
export interface ReplicationPolicy {
  readonly replicas: number;
  readonly timeoutMs: number;
}

/** REDIS_WAIT_REPLICAS, defaulting to 1 behind Sentinel (a failover must not lose it) and 0 elsewhere. */
export function readReplicationPolicy(
  config: Pick<Config, 'REDIS_URL' | 'REDIS_WAIT_REPLICAS' | 'REDIS_WAIT_TIMEOUT_MS'>,
): ReplicationPolicy {
  const sentinel = /^rediss?-sentinel:/.test(config.REDIS_URL);
  return {
    replicas: config.REDIS_WAIT_REPLICAS ?? (sentinel ? 1 : 0),
    timeoutMs: config.REDIS_WAIT_TIMEOUT_MS,
  };
}

/** The key whose write orders the WAIT after everything this server took before it. */
export const barrierKey = (prefix: string): string => `${prefix}:replication-barrier`;

/**
 * Sends `before` (reads of the caller's), then a small write and WAIT in one pipeline, so all of it
 * reaches the same server (on a cluster: the node of the prefix's slot). WAIT counts replicas that
 * hold this connection's last write; replication is one ordered stream, so they also hold every
 * earlier write of every client (the job, the record, the name hold). Returns the `before` replies
 * and whether enough replicas answered in time.
 */
export async function confirmReplicated(
  redis: RedisClient,
  prefix: string,
  policy: ReplicationPolicy,
  before: ReadonlyArray<readonly [command: 'get', key: string]> = [],
): Promise<{ replicated: boolean; replies: unknown[] }> {
  const pipeline = redis.pipeline();
  for (const [, key] of before) pipeline.get(key);
  if (policy.replicas > 0) {
    pipeline.set(barrierKey(prefix), String(Date.now()), 'PX', 60_000);
    pipeline.wait(policy.replicas, policy.timeoutMs);
  }
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
  const replies = results.map(([, value]) => value);
  if (policy.replicas === 0) return { replicated: true, replies };
  const acked = replies[replies.length - 1];
  return { replicated: typeof acked === 'number' && acked >= policy.replicas, replies };
}
