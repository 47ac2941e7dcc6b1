import type { RedisClient } from './redis-connection.js';

/**
 * One press of Deploy at a time per deployment. A person told "not queued" presses Deploy again on
 * the same form (same deployment id), maybe on another bot process, while the first press's Redis
 * commands may still land late and then take the submission back. Holding this lock from the first
 * command to the last undo keeps the second press from acknowledging a job the first then removes.
 */
export interface SubmissionLock {
  /** True when this press holds the lock now (waits up to `waitMs` for an earlier press to finish). */
  acquire(deploymentId: string, pressId: string, waitMs: number): Promise<boolean>;
  release(deploymentId: string, pressId: string): Promise<void>;
}

/** Longer than any press lasts (Slack's 3 s and the late answers after it); a dead bot's lock expires. */
const LOCK_MS = 15_000;

const RELEASE_IF_OURS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Creates the lock under the install's prefix. */
export function createSubmissionLock(redis: RedisClient, prefix: string): SubmissionLock {
  const key = (id: string) => `${prefix}:submitting:${id}`;
  return {
    async acquire(deploymentId, pressId, waitMs) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        if ((await redis.set(key(deploymentId), pressId, 'PX', LOCK_MS, 'NX')) === 'OK')
          return true;
        if (Date.now() >= deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async release(deploymentId, pressId) {
      await redis.eval(RELEASE_IF_OURS, 1, key(deploymentId), pressId);
    },
  };
}
