import type { QueueDepthSource } from './metrics.js';

/** The one BullMQ Queue method the depth gauge needs; a structural type keeps bullmq out of here. */
export interface JobCounter {
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
}

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'paused'];

/** Builds a queue-depth source from a BullMQ Queue (or anything with getJobCounts). */
export function createQueueDepthSource(queue: JobCounter): QueueDepthSource {
  return () => queue.getJobCounts(...QUEUE_STATES);
}
