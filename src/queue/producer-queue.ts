import { createHash } from 'node:crypto';
import { type JobsOptions, Queue } from 'bullmq';
import type { RedisClient } from './redis-connection.js';

/** How long finished jobs stay readable (the list, the audit, a support question): a week, failures a month. */
export const KEEP_FINISHED: Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> = {
  removeOnComplete: { age: 7 * 24 * 3600, count: 5_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** A producer's queue that fails fast when Redis is away (skipWaitingForReady) instead of hanging a person's request. */
export function createProducerQueue<T>(
  name: string,
  connection: RedisClient,
  prefix: string,
): Queue<T> {
  const queue = new Queue<T>(name, {
    connection,
    prefix,
    skipWaitingForReady: true,
    // BullMQ reads the server version (INFO) once at start-up; if Redis is away at that moment the
    // queue stays broken for good. A producer needs no version-dependent command, so skip it.
    skipVersionCheck: true,
  });
  // Connection errors surface on each add() as a rejected promise; the event would otherwise be unhandled.
  queue.on('error', () => {});
  return queue;
}

/**
 * A short deterministic job id (`<letter>-<base36>`) from what makes a request one: asked twice, it
 * maps to the same BullMQ jobId, so BullMQ itself drops the second.
 */
export function jobIdFrom(letter: string, key: string): string {
  const digest = createHash('sha256').update(key).digest('hex');
  return `${letter}-${BigInt(`0x${digest.slice(0, 15)}`).toString(36)}`;
}
