import type { z } from 'zod';
import type { CallDeps } from '../../aliyun/call-cli.js';
import type { CallTarget } from '../../aliyun/commands.js';
import type { GateResult } from '../gate-result.js';
import type { EndpointSummary } from '../outcome.js';

/** One modal field of a network mode, as data: blocks/ renders it, the registry reads it back. */
export interface NetworkFieldSpec {
  /** block_id == action_id (CONTRACT.md names them). */
  readonly id: string;
  /** The key under DeploySpec.network the value goes to. */
  readonly path: string;
  readonly label: string;
  readonly hint: string;
  /** What the field takes and a good value, for every refusal ("<label> must be <rule>, for example <example>."). */
  readonly rule: string;
  readonly example: string;
  /** A comma-separated list in the form, an array in the spec. */
  readonly list?: boolean;
  /** A static select with these options (the first value is the default). */
  readonly options?: readonly { readonly label: string; readonly value: string }[];
}

/** The VPC a service's instances join (the service JSON's cloud.networking). */
export interface VpcPlacement {
  readonly vpcId: string;
  readonly vswitchIds: readonly string[];
  readonly securityGroupId: string;
}

/** What discovery found: where the service listens, as the pieces of its service JSON. */
export interface NetworkPlan {
  readonly mode: string;
  readonly vpc?: VpcPlacement;
  /** The service JSON's `networking` section. */
  readonly networking?: Readonly<Record<string, unknown>>;
  /** Addresses to show when the service's own endpoints say nothing (a dedicated gateway's domains). */
  readonly fallbackEndpoint?: {
    readonly type: string;
    readonly internetHost: string | null;
    readonly intranetHost: string | null;
  };
}

/** What discovery may know about the request beyond the network fields. */
export interface DiscoveryContext {
  readonly port: number;
}

/**
 * A network mode: its modal fields, their schema, its discovery and the JSON fragment it yields.
 * A new mode is one module like this and one line in registry.ts.
 */
export interface NetworkModeModule {
  readonly id: string;
  /** The network select's option text. */
  readonly label: string;
  readonly fields: readonly NetworkFieldSpec[];
  /** The zod fields this mode adds to DeploySpec.network. */
  readonly shape: z.ZodRawShape;
  /** Finds the pieces the mode needs; a required piece that does not exist blocks the deployment. */
  discover(
    deps: CallDeps,
    t: CallTarget,
    request: Readonly<Record<string, unknown>>,
    ctx: DiscoveryContext,
  ): Promise<GateResult<NetworkPlan>>;
  /** Rewrites an endpoint address for the summary, when this mode's endpoints need it. */
  formatEndpoint?(address: string, endpoint: EndpointSummary, serviceName: string): string;
}
