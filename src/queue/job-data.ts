import { z } from 'zod';
import { DeploySpec } from '../deploy/deploy-spec.js';
import { Journal } from '../deploy/journal.js';
import type { DeploymentAddress } from './deployment-reporter.js';

/** The deployment job as stored in Redis: what was asked, by whom, where to report, and the journal. No secrets. */
export const DeployJobData = z.object({
  deploymentId: z.string().regex(/^d-[a-z0-9]{6,32}$/),
  spec: DeploySpec,
  requester: z.object({ userId: z.string(), teamId: z.string().optional() }),
  channelId: z.string(),
  /** The parent message, once posted: every later message goes in its thread. */
  parentTs: z.string().optional(),
  /**
   * Saved (and on a replica) before the parent is posted: a run that finds it without `parentTs`
   * looks the parent up in the channel before posting, since the post may have happened.
   */
  parentPending: z.boolean().optional(),
  journal: Journal.default(Journal.parse({})),
  submittedAt: z.number(),
  /** Set once the final message reached the thread, so a re-run never reports twice. */
  reportedAt: z.number().optional(),
});
export type DeployJobData = z.infer<typeof DeployJobData>;
export type DeployJobInput = z.input<typeof DeployJobData>;

/** Where the deployment's messages go, as the job data knows it (the resolved name once there is one). */
export function addressOf(data: DeployJobData): DeploymentAddress {
  return {
    deploymentId: data.deploymentId,
    channelId: data.channelId,
    userId: data.requester.userId,
    serviceName: data.journal.resolvedServiceName ?? data.spec.serviceName,
    region: data.spec.region,
    ...(data.parentTs ? { parentTs: data.parentTs } : {}),
    ...(data.spec.dryRun ? { dryRun: true } : {}),
  };
}
