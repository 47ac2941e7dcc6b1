import { z } from 'zod';

/**
 * What the engine reports, step by step and at the end. These values go into job data, the audit
 * log and Slack messages, so none of them may hold the AccessToken: the token travels only in
 * `DeploymentResult.accessToken`, which the worker hands to the private reporter and never stores.
 */

export const StepStatus = z.enum(['running', 'passed', 'blocked', 'failed', 'skipped']);
export type StepStatus = z.infer<typeof StepStatus>;

export const StepRecord = z.object({
  id: z.string(),
  /** What a person reads in the checklist, e.g. "Check the name is free". */
  title: z.string(),
  status: StepStatus,
  /** One line for the checklist: what was found, or why it stopped. Redacted. */
  detail: z.string().default(''),
  startedAt: z.number().optional(),
  finishedAt: z.number().optional(),
});
export type StepRecord = z.infer<typeof StepRecord>;

export const EndpointSummary = z.object({
  type: z.string(),
  internet: z.string().nullable(),
  intranet: z.string().nullable(),
  port: z.number().nullable(),
});
export type EndpointSummary = z.infer<typeof EndpointSummary>;

/** The Deployment Summary of the spec, without the token. */
export const DeploymentSummary = z.object({
  serviceName: z.string(),
  serviceId: z.string().optional(),
  region: z.string(),
  status: z.string(),
  endpoints: z.array(EndpointSummary),
  port: z.number(),
  /** Invocation examples with the literal placeholder `<AccessToken>` instead of the token. */
  curlExamples: z.array(z.string()),
  consoleUrl: z.string().optional(),
  /** Plain-language notes: CPU→GPU switch, NLB fallback, generated name, skipped optional steps. */
  notes: z.array(z.string()),
  /** How long it lives and what it costs (price table): "expires … (in 1d)", "about USD 1.20/h, …". */
  lifetime: z
    .object({ expiry: z.string(), extendBy: z.string(), cost: z.string().optional() })
    .optional(),
});
export type DeploymentSummary = z.infer<typeof DeploymentSummary>;

export const DeploymentResult = z.discriminatedUnion('result', [
  z.object({ result: z.literal('deployed'), summary: DeploymentSummary }),
  z.object({
    result: z.literal('dry-run'),
    serviceName: z.string(),
    region: z.string(),
    serviceJson: z.string(),
    notes: z.array(z.string()),
  }),
  z.object({
    result: z.literal('blocked'),
    step: z.string(),
    /** Why it stopped, in words a person acts on. */
    reason: z.string(),
  }),
  z.object({
    result: z.literal('failed'),
    step: z.string(),
    reason: z.string(),
    /** The CLI's error, redacted (e.g. "409 ServiceAlreadyExists"). */
    error: z.string().optional(),
  }),
]);
export type DeploymentResult = z.infer<typeof DeploymentResult>;
