import { z } from 'zod';
import type { CallDeps } from '../../aliyun/call-cli.js';
import type { CallTarget } from '../../aliyun/commands.js';
import type { GateResult } from '../gate-result.js';
import { dedicatedGateway } from './dedicated-gateway.js';
import type { DiscoveryContext, NetworkFieldSpec, NetworkPlan } from './network-mode.js';
import { nlbNetwork } from './nlb-network.js';
import { sharedGateway } from './shared-gateway.js';

/** Every network mode, in the order the modal offers them. A new mode is one module and one line here. */
export const NETWORK_MODES = [sharedGateway, dedicatedGateway, nlbNetwork] as const;

type Mode = (typeof NETWORK_MODES)[number];
export type NetworkModeId = Mode['id'];
/** The modal field ids of every mode (block_id == action_id). */
export type NetworkFieldId = Mode['fields'][number]['id'];

export const NETWORK_MODE_IDS = NETWORK_MODES.map((m) => m.id) as [
  NetworkModeId,
  ...NetworkModeId[],
];
export const NETWORK_FIELD_IDS: readonly NetworkFieldId[] = NETWORK_MODES.flatMap((m) =>
  m.fields.map((f) => f.id),
);

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
type NetworkShape = UnionToIntersection<Mode['shape']>;

/** DeploySpec.network: the mode and the fields of every mode (each mode reads its own). */
export const NetworkSchema = z.object({
  mode: z.enum(NETWORK_MODE_IDS).default('shared'),
  ...(Object.assign({}, ...NETWORK_MODES.map((m) => m.shape)) as NetworkShape),
});

/** The module of a mode id (an unknown id is the shared gateway). */
export function findNetworkMode(id: string | undefined): Mode {
  return NETWORK_MODES.find((m) => m.id === id) ?? sharedGateway;
}

/** The fields the modal shows for a mode. */
export function fieldsOfMode(id: string | undefined): readonly NetworkFieldSpec[] {
  return findNetworkMode(id).fields;
}

/** The chosen mode's fields read from the form's raw values; empty ones stay undefined. */
export function readNetworkFields(
  mode: string | undefined,
  values: Readonly<Record<string, string | undefined>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { mode: mode ?? 'shared' };
  for (const field of fieldsOfMode(mode)) {
    const raw = values[field.id];
    if (raw === undefined) continue;
    out[field.path] = field.list
      ? raw
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : raw;
  }
  return out;
}

/** A spec's network as the form's raw values (a redeploy pre-fills them). */
export function networkToPrefill(
  network: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const out: Record<string, string> = { network: String(network.mode ?? 'shared') };
  for (const field of fieldsOfMode(String(network.mode))) {
    const value = network[field.path];
    if (Array.isArray(value) && value.length > 0) out[field.id] = value.join(',');
    else if (typeof value === 'string') out[field.id] = value;
  }
  return out;
}

/** Every network field's rule and example, by field id (blocks/field-rules.ts words refusals with them). */
export function networkFieldRules(): Record<
  NetworkFieldId,
  { label: string; rule: string; example: string }
> {
  const fields = NETWORK_MODES.flatMap((m): readonly NetworkFieldSpec[] => m.fields);
  return Object.fromEntries(
    fields.map((f) => [f.id, { label: f.label, rule: f.rule, example: f.example }]),
  ) as Record<NetworkFieldId, { label: string; rule: string; example: string }>;
}

/** The values each network select can hold, by field id. */
export function networkFieldChoices(): Record<string, readonly string[]> {
  const fields = NETWORK_MODES.flatMap((m): readonly NetworkFieldSpec[] => m.fields);
  return Object.fromEntries(
    fields.flatMap((f) => (f.options ? [[f.id, f.options.map((o) => o.value)]] : [])),
  );
}

/** The form field that shows a problem with `network.<path>`. */
export function fieldOfPath(path: string): NetworkFieldSpec | undefined {
  return NETWORK_MODES.flatMap((m): readonly NetworkFieldSpec[] => m.fields).find(
    (f) => f.path === path,
  );
}

/** Runs the chosen mode's discovery. */
export function discoverNetwork(
  deps: CallDeps,
  t: CallTarget,
  network: Readonly<Record<string, unknown>>,
  ctx: DiscoveryContext,
): Promise<GateResult<NetworkPlan>> {
  return findNetworkMode(String(network.mode)).discover(deps, t, network, ctx);
}

/** An endpoint address as the summary shows it (a mode may rewrite its own kind). */
export function formatEndpointAddress(
  address: string,
  endpoint: Parameters<NonNullable<typeof nlbNetwork.formatEndpoint>>[1],
  serviceName: string,
): string {
  return NETWORK_MODES.reduce(
    (text, m) => ('formatEndpoint' in m ? m.formatEndpoint(text, endpoint, serviceName) : text),
    address,
  );
}
