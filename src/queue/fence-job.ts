import { type Job, QueueKeys } from 'bullmq';
import { confirmReplicated, type ReplicationPolicy } from './confirm-replicated.js';
import { DEPLOY_QUEUE } from './deploy-queue.js';
import type { RedisClient } from './redis-connection.js';

/**
 * `held`: this worker still owns the job and what it wrote is on enough replicas. `lost`: another
 * worker owns it now (a failover lost this one's claim). `not-replicated`: no replica confirmed,
 * or Redis did not answer.
 */
export type FenceAnswer = 'held' | 'lost' | 'not-replicated';

export type JobFence = (job: Job, token: string | undefined) => Promise<FenceAnswer>;

/**
 * The check before a step that must not happen twice (the parent message, create-service): the
 * job's lock still carries this worker's token, read on the same server and in the same pipeline
 * as the replication WAIT, so a write lost in a failover cannot let two workers both go on.
 */
export function createJobFence(options: {
  readonly store: RedisClient;
  readonly prefix: string;
  readonly policy: ReplicationPolicy;
}): JobFence {
  const keys = new QueueKeys(options.prefix);
  return async (job, token) => {
    if (!token || !job.id) return 'held';
    const lockKey = keys.toKey(DEPLOY_QUEUE, `${job.id}:lock`);
    // Redis not answering (a failover under way) is as good as no replica: try again shortly.
    const answer = await confirmReplicated(options.store, options.prefix, options.policy, [
      ['get', lockKey],
    ]).catch(() => undefined);
    if (!answer) return 'not-replicated';
    if (answer.replies[0] !== token) return 'lost';
    return answer.replicated ? 'held' : 'not-replicated';
  };
}

/** Thrown when another worker owns the job now: this one stops without a word or a retry. */
export class LostJobError extends Error {}

/** Thrown when no replica confirmed the job's state: the job waits a moment and tries again. */
export class NotReplicatedError extends Error {}

/** Throws unless the fence says the job is held (no fence: always held). */
export async function assertJobHeld(
  fence: JobFence | undefined,
  job: Job,
  token: string | undefined,
): Promise<void> {
  const answer = fence ? await fence(job, token) : 'held';
  if (answer === 'lost') throw new LostJobError(`deployment ${job.id} is owned by another worker`);
  if (answer === 'not-replicated')
    throw new NotReplicatedError('no Redis replica confirmed the deployment state');
}
