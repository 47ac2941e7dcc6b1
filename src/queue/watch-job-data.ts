import { z } from 'zod';
import { StepRecord } from '../deploy/outcome.js';
import type { DeploymentAddress } from './deployment-reporter.js';

/**
 * The serving watch of one deployment, as stored in Redis: where to report, what was deployed, and
 * how far the watch has come. No secrets: the AccessToken is read again from the cloud each time
 * it is needed (describe-service-endpoints) and dropped after the one request.
 */
export const WatchJobData = z.object({
  deploymentId: z.string(),
  channelId: z.string(),
  userId: z.string(),
  parentTs: z.string().optional(),
  region: z.string(),
  serviceName: z.string(),
  /** `watch` follows the status; `diagnose` explains a deployment that failed after create. */
  kind: z.enum(['watch', 'diagnose']),
  image: z.string(),
  instanceType: z.string().optional(),
  port: z.number(),
  command: z.string().optional(),
  modelPath: z.string().optional(),
  mountPath: z.string().optional(),
  gpuCount: z.number().optional(),
  gpuMemoryGb: z.number().optional(),
  /** The parent's checklist, so a status edit keeps it (Slack replaces the whole message). */
  steps: z.array(StepRecord).default([]),
  outcome: z.enum(['deployed', 'failed']),
  failedStep: z.object({ step: z.string(), reason: z.string() }).optional(),
  /** The summary's time: the schedule's offsets and EAS_WATCH_MAX count from here. */
  startedAt: z.number(),
  /** describe-service calls made so far: the schedule's index. */
  checks: z.number().int().default(0),
  lastStatus: z.string().optional(),
});
export type WatchJobData = z.infer<typeof WatchJobData>;
export type WatchJobInput = z.input<typeof WatchJobData>;

/** Where the watch's messages go: the deployment's own thread. */
export function watchAddress(data: WatchJobData): DeploymentAddress {
  return {
    deploymentId: data.deploymentId,
    channelId: data.channelId,
    userId: data.userId,
    serviceName: data.serviceName,
    region: data.region,
    ...(data.parentTs ? { parentTs: data.parentTs } : {}),
  };
}
