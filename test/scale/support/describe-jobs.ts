import { writeFile } from 'node:fs/promises';
import { Queue } from 'bullmq';
import { DEPLOY_QUEUE, deploymentIdFor } from '../../../src/queue/deploy-queue.js';
import { createRedisConnection } from '../../../src/queue/redis-connection.js';
import type { Submission } from './drive-deployments.js';
import type { ScaleStack } from './scale-stack.js';

/**
 * When a run goes wrong: where each named deployment's job is in Redis (state, attempts, stalls,
 * journal), and every process's output in a file that outlives the run's temp directory.
 */
export async function explainProblems(
  stack: ScaleStack,
  redisUrl: string,
  prefix: string,
  submissions: readonly Submission[],
  names: readonly string[],
): Promise<string[]> {
  if (names.length === 0) return [];
  const logFile = `/tmp/eas-scale-${Date.now()}.log`;
  await writeFile(logFile, stack.output());
  const connection = createRedisConnection(redisUrl, 'worker');
  const queue = new Queue(DEPLOY_QUEUE, { connection, prefix });
  const lines = [`process output: ${logFile}`];
  for (const name of names) {
    const s = submissions.find((x) => x.name === name);
    const id = deploymentIdFor('T0001', s?.viewId ?? '');
    const job = await queue.getJob(id).catch(() => undefined);
    const state = job ? await job.getState() : 'no job';
    const journal = job?.data?.journal as
      | { steps?: Array<{ id: string; status: string }> }
      | undefined;
    lines.push(
      `${name} (${id}): ${state}, attempts ${job?.attemptsMade}, stalled ${job?.stalledCounter}, ` +
        `failed "${job?.failedReason ?? ''}", steps ${JSON.stringify(journal?.steps?.map((x) => `${x.id}:${x.status}`))}`,
    );
  }
  await queue.close();
  connection.disconnect();
  return lines;
}
