import { z } from 'zod';
import { SIM_FAILURE_REASONS } from './failure-reasons.js';
import { SimServing } from './serving-schema.js';
import {
  SimExistingService,
  SimGateway,
  SimImage,
  SimInstanceSpec,
  SimLoadBalancer,
  SimResource,
  SimSecurityGroup,
  SimVpc,
  SimVSwitch,
  SimWorkspace,
} from './world-items-schema.js';

export const SimRegion = z.object({
  workspaces: z.array(SimWorkspace).default([]),
  images: z.array(SimImage).default([]),
  instanceSpecs: z.array(SimInstanceSpec).default([]),
  resources: z.array(SimResource).default([]),
  gateways: z.array(SimGateway).default([]),
  vpcs: z.array(SimVpc).default([]),
  vswitches: z.array(SimVSwitch).default([]),
  securityGroups: z.array(SimSecurityGroup).default([]),
  loadBalancers: z.array(SimLoadBalancer).default([]),
  services: z.array(SimExistingService).default([]),
});

export const SimFaultMode = z.enum([
  'timeout',
  'error',
  'nlb-bug',
  'timeout-but-succeeds',
  'plugin-missing',
  'plugin-broken',
  'throttle',
  'latency',
  'credentials',
  'permission',
  'quota',
  'network',
  'network-but-succeeds',
]);

/** The Go network errors a fault of mode network may print (aliyun-cli-facts.md, fact 8). */
export const SimNetError = z.enum([
  'i/o timeout',
  'connection reset by peer',
  'no such host',
  'connection refused',
  'TLS handshake timeout',
  'context deadline exceeded',
]);

/** One injected fault: `op` is "<product> <operation>" (or "*"); `times` limits it to the first N matching calls. */
export const SimFault = z.object({
  op: z.string(),
  mode: SimFaultMode,
  times: z.number().int().positive().optional(),
  status: z.number().int().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
  latencyMs: z.number().int().nonnegative().optional(),
  region: z.string().optional(),
  /** network / network-but-succeeds: which Go error (default i/o timeout). */
  netError: SimNetError.optional(),
});
export const SimFaults = z.array(SimFault);

/** Why a new service ends Failed: picked by service name or by a substring of its image URI. */
export const SimFailure = z.object({
  service: z.string().optional(),
  image: z.string().optional(),
  reason: z.enum(SIM_FAILURE_REASONS),
});

/**
 * A plugin of the CLI's plugin index. `installed` means the manifest lists it; `binaryMissing`
 * means the manifest lists it but its binary is gone (installed under another HOME and copied).
 */
export const SimPlugin = z.object({
  name: z.string(),
  version: z.string(),
  /** The product whose lowercase commands it serves; `aliyun-cli-eas` → `eas`. */
  product: z.string().optional(),
  description: z.string().default(''),
  installed: z.boolean().default(true),
  binaryMissing: z.boolean().default(false),
});

export const SimLifecycle = z.object({
  creatingMs: z.number().int().nonnegative().default(3000),
  waitingMs: z.number().int().nonnegative().default(5000),
  /** How long describe-service answers 404 right after create (eventual visibility). */
  invisibleMs: z.number().int().nonnegative().default(0),
  /** How long Stopping, Starting, Scaling, Updating and Deleting last after a lifecycle call. */
  transitionMs: z.number().int().nonnegative().default(2000),
});

const plugin = (name: string, version: string, description: string, installed: boolean) => ({
  name,
  version,
  description,
  installed,
  binaryMissing: false,
});

const DEFAULT_PLUGINS = [
  plugin('aliyun-cli-eas', '0.2.0', 'EAS plugin', true),
  plugin('aliyun-cli-aiworkspace', '0.1.3', 'AIWorkSpace plugin', true),
  plugin('aliyun-cli-vpc', '0.1.0', 'VPC plugin', false),
  plugin('aliyun-cli-ecs', '0.1.0', 'ECS plugin', false),
  plugin('aliyun-cli-nlb', '0.1.0', 'NLB plugin', false),
];

/** The whole simulated account; ALIYUN_SIM_WORLD is a JSON file of this shape. */
export const SimWorld = z.object({
  accountId: z.string().regex(/^\d+$/).default('1234567890123456'),
  lifecycle: SimLifecycle.default({
    creatingMs: 3000,
    waitingMs: 5000,
    invisibleMs: 0,
    transitionMs: 2000,
  }),
  /** The plugin index as the real CLI sees it; by default eas and aiworkspace are installed, vpc, ecs and nlb are not. */
  plugins: z.array(SimPlugin).default(DEFAULT_PLUGINS),
  regions: z.record(z.string(), SimRegion),
  faults: SimFaults.default([]),
  failures: z.array(SimFailure).default([]),
  /** Where Running services answer HTTP, and how (see serving-schema.ts). */
  serving: SimServing.default({ services: [] }),
});

export type { SimGateway, SimImage, SimInstanceSpec } from './world-items-schema.js';
export type SimRegion = z.infer<typeof SimRegion>;
export type SimFault = z.infer<typeof SimFault>;
export type SimFailure = z.infer<typeof SimFailure>;
export type SimPlugin = z.infer<typeof SimPlugin>;
export type SimWorld = z.infer<typeof SimWorld>;
/** What a world file may omit (defaults fill it in). */
export type SimWorldInput = z.input<typeof SimWorld>;
