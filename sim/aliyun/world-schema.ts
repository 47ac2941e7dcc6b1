import { z } from 'zod';
import { SIM_FAILURE_REASONS } from './failure-causes.js';
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
});
export const SimFaults = z.array(SimFault);

/** Why a new service ends Failed: picked by service name or by a substring of its image URI. */
export const SimFailure = z.object({
  service: z.string().optional(),
  image: z.string().optional(),
  reason: z.enum(SIM_FAILURE_REASONS),
});

export const SimPlugin = z.object({
  name: z.string(),
  version: z.string(),
  description: z.string().default(''),
  installed: z.boolean().default(true),
});

export const SimLifecycle = z.object({
  creatingMs: z.number().int().nonnegative().default(3000),
  waitingMs: z.number().int().nonnegative().default(5000),
  /** How long describe-service answers 404 right after create (eventual visibility). */
  invisibleMs: z.number().int().nonnegative().default(0),
});

/** The whole simulated account; ALIYUN_SIM_WORLD is a JSON file of this shape. */
export const SimWorld = z.object({
  accountId: z.string().regex(/^\d+$/).default('1234567890123456'),
  lifecycle: SimLifecycle.default({ creatingMs: 3000, waitingMs: 5000, invisibleMs: 0 }),
  plugins: z.array(SimPlugin).default([
    { name: 'aliyun-cli-eas', version: '0.2.0', description: 'EAS plugin', installed: true },
    {
      name: 'aliyun-cli-aiworkspace',
      version: '0.1.3',
      description: 'AIWorkSpace plugin',
      installed: true,
    },
  ]),
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
