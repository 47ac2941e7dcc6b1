import { z } from 'zod';
import { parseLifetime } from '../parse-duration.js';
import { NAS_PATH_PATTERN, parseNasPath } from './nas-path.js';
import { NetworkSchema } from './network/registry.js';

/**
 * What a person asked to deploy, after validation. The one schema that the modal, the slash-command
 * pre-fill, the job data and the engine all share. Never holds a secret.
 */

export const REGION_PATTERN = /^[a-z]{2,4}(-[a-z0-9]+){1,4}$/;
/** Exact service names: lowercase letters, digits and underscores, 3–63 characters (the spec's rule). */
export const SERVICE_NAME_PATTERN = /^[a-z0-9_]{3,63}$/;
/** A prefix request: `qwen_*` becomes `qwen_` plus 6 random digits. */
export const SERVICE_PREFIX_PATTERN = /^[a-z0-9_]{1,57}\*$/;

/** Bounds of the numeric fields, shared by the schema and the form's own number inputs. */
export const LIMITS = {
  replicas: { min: 1, max: 100 },
  port: { min: 1, max: 65_535 },
  autoscaleMin: { min: 0, max: 1000 },
  autoscaleMax: { min: 1, max: 1000 },
} as const;
/** EAS keeps this port for itself. */
export const RESERVED_PORT = 8080;

export const Region = z.string().regex(REGION_PATTERN, 'Pick a region such as cn-hangzhou.');

export const ServiceName = z
  .string()
  .trim()
  .refine((s) => SERVICE_NAME_PATTERN.test(s) || SERVICE_PREFIX_PATTERN.test(s), {
    message:
      'Use 3–63 lowercase letters, digits or underscores (no hyphens), or a prefix ending in * such as qwen_*.',
  });

/** An image URI (registry/path:tag) or a framework name such as vllm, sglang, comfyui. */
export const ImageRef = z
  .string()
  .trim()
  .min(2)
  .max(300)
  .regex(
    /^[a-zA-Z0-9._/:@-]+$/,
    'Use an image URI (registry/path:tag) or a framework name such as vllm.',
  );

export const InstanceType = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9.-]{2,63}$/, 'Use an instance type such as ecs.gn7i-c16g1.4xlarge.');

export const OssPath = z
  .string()
  .trim()
  .regex(
    /^oss:\/\/[a-z0-9][a-z0-9-]{1,62}\/([^\s'"`$\\]*\/)?$/,
    'Use an OSS path like oss://bucket/models/qwen/ (ending in /).',
  );

/** A NAS mount target such as nas://0a1b2c.cn-hangzhou.nas.aliyuncs.com/models/qwen/. */
export const NasPath = z
  .string()
  .trim()
  .regex(
    NAS_PATH_PATTERN,
    'Use a NAS path like nas://0a1b2c.cn-hangzhou.nas.aliyuncs.com/models/qwen/.',
  );

/** Where the service listens: one module per mode under src/deploy/network/ (registry.ts). */
export const Network = NetworkSchema;
export type Network = z.infer<typeof Network>;
export type NetworkMode = Network['mode'];

export const Autoscale = z
  .object({
    min: z.number().int().min(LIMITS.autoscaleMin.min).max(LIMITS.autoscaleMin.max),
    max: z.number().int().min(LIMITS.autoscaleMax.min).max(LIMITS.autoscaleMax.max),
    /** The metrics EAS scales on (scaleStrategies[].metricName): no `memory`, and `gpu` alone is no name. */
    metric: z.enum(['qps', 'cpu', 'gpu[util]']).default('qps'),
    threshold: z.number().positive().max(100_000).default(20),
  })
  .refine((a) => a.min < a.max, {
    message: 'Autoscaling min must be below Autoscaling max, for example min 1 and max 4.',
    path: ['min'],
  });
export type Autoscale = z.infer<typeof Autoscale>;

const DeploySpecFields = z.object({
  region: Region,
  serviceName: ServiceName,
  workspaceId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  image: ImageRef,
  instanceType: InstanceType,
  replicas: z.number().int().min(LIMITS.replicas.min).max(LIMITS.replicas.max).default(1),
  port: z
    .number()
    .int()
    .min(LIMITS.port.min)
    .max(LIMITS.port.max)
    .refine((p) => p !== RESERVED_PORT, {
      message: 'Port must be other than 8080, which EAS keeps for itself, for example 8000.',
    })
    .default(8000),
  command: z.string().trim().min(1).max(2000).optional(),
  ossPath: OssPath.optional(),
  /** NAS model source (mounted read-only over NFS); the alternative to ossPath. */
  nasPath: NasPath.optional(),
  /** Where the model is mounted inside the container. */
  mountPath: z
    .string()
    .regex(/^\/[A-Za-z0-9_./-]{1,200}$/)
    .default('/model_dir'),
  network: Network.prefault({ mode: 'shared' }),
  /** Dedicated resource group id (eas-r-…). Absent means the public pool. */
  resourceGroup: z
    .string()
    .regex(/^eas-r-[a-z0-9]+$/)
    .optional(),
  autoscale: Autoscale.optional(),
  healthCheck: z.boolean().default(true),
  dryRun: z.boolean().default(false),
  /** How long the service lives (`4h`, `1d`, `20s`, `never`); absent: EAS_DEFAULT_TTL. */
  ttl: z
    .string()
    .trim()
    .toLowerCase()
    .refine((t) => parseLifetime(t) !== undefined, {
      message: 'Use a duration like 4h, 1d, 20s, or never.',
    })
    .optional(),
});

/**
 * A NAS source must be in the deployment's region and reachable over a VPC. storage-mount.md says
 * NAS "needs VPC connectivity" and the shared gateway carries no VPC, so the rule enforced here is:
 * NAS only with the gateway or NLB network, whose cloud.networking names the VPC.
 */
function checkModelSource(spec: z.infer<typeof DeploySpecFields>): string | undefined {
  if (!spec.nasPath) return undefined;
  if (spec.ossPath)
    return 'Model path must be an OSS path or a NAS path, not both, for example oss://bucket/models/qwen/.';
  const nas = parseNasPath(spec.nasPath);
  if (nas && nas.region !== spec.region) {
    return `Model path must be a NAS in ${spec.region}, the deployment's region (this one is in ${nas.region}), for example nas://0a1b2c.${spec.region}.nas.aliyuncs.com/models/.`;
  }
  if (spec.network.mode === 'shared') {
    return 'Model path must be an OSS path on the shared gateway (a NAS needs a VPC: pick the dedicated gateway or NLB network), for example oss://bucket/models/qwen/.';
  }
  return undefined;
}

export const DeploySpec = DeploySpecFields.superRefine((spec, ctx) => {
  const message = checkModelSource(spec);
  if (message) ctx.addIssue({ code: 'custom', path: ['nasPath'], message });
});
export type DeploySpec = z.infer<typeof DeploySpec>;
export type DeploySpecInput = z.input<typeof DeploySpec>;
