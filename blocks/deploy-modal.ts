import type { types } from '@slack/bolt';
import { NETWORK_MODES as NETWORK_MODULES } from '../src/deploy/network/registry.js';
import {
  DEPLOY_CALLBACK_ID,
  FIELD,
  type FieldId,
  NETWORK_MODES,
  type NetworkModeId,
  type Prefill,
} from './ids.js';
import {
  dryRunInput,
  externalSelect,
  numberInput,
  staticSelect,
  textInput,
} from './modal-inputs.js';
import { buildNetworkFields } from './network-fields.js';
import { context, escapeMrkdwn, option, plain, truncate } from './text.js';
import { buildTtlInput } from './ttl-input.js';

/** A `key=value` of the slash command that the form cannot hold, and the rule it broke. */
export interface DroppedValue {
  readonly field: FieldId;
  readonly value: string;
  readonly why: string;
}

export interface DeployModalInput {
  readonly prefill: Prefill;
  readonly channelId: string;
  readonly regions: readonly string[];
  readonly networkMode?: NetworkModeId;
  readonly workspaces?: readonly { id: string; name: string }[];
  /** Redeploying this service's settings: said above the form, and its name is refused on submit. */
  readonly redeployOf?: string;
  /** EAS_DEFAULT_TTL: where the `ttl` select starts. */
  readonly defaultTtl?: string;
  /** Pre-fill values left out of the form: named above it, with why. */
  readonly dropped?: readonly DroppedValue[];
}

/** The /eas-deploy modal: every field of CONTRACT.md, network fields for the chosen mode only. */
export function buildDeployModal(input: DeployModalInput): types.ModalView {
  const { prefill } = input;
  const mode = input.networkMode ?? NETWORK_MODES.find((m) => m === prefill.network) ?? 'shared';
  const regionOptions = input.regions.map((r) => option(r, r));
  const workspaces = input.workspaces ?? [];
  const blocks: types.KnownBlock[] = [
    ...(input.redeployOf
      ? [
          context(
            `Redeploying with the settings of \`${input.redeployOf}\`: pick a new service name.`,
          ),
        ]
      : []),
    ...(input.dropped?.length ? [buildDroppedNotice(input.dropped)] : []),
    // Dispatches: picking a region brings its workspaces (views.update).
    staticSelect(FIELD.region, 'Region', regionOptions, prefill.region, true),
    textInput(
      FIELD.serviceName,
      'Service name',
      prefill,
      'Lowercase letters, digits, _ (3–63), or a prefix like qwen_*',
      false,
    ),
    ...(workspaces.length > 1
      ? [
          staticSelect(
            FIELD.workspace,
            'Workspace',
            workspaces.map((w) => option(`${w.name} (${w.id})`, w.id)),
            prefill.workspace,
          ),
        ]
      : []),
    // Dispatches: picking an image fills an empty start command.
    externalSelect(
      FIELD.image,
      'Image',
      'Search images, or type an image URI',
      prefill.image,
      true,
    ),
    externalSelect(FIELD.instanceType, 'Instance type', 'Search GPU types…', prefill.instance_type),
    numberInput(FIELD.replicas, 'Replicas', prefill, '1'),
    numberInput(FIELD.port, 'Port', prefill, '8000'),
    textInput(
      FIELD.command,
      'Start command',
      prefill,
      'Filled in from the image when it is known.',
    ),
    textInput(
      FIELD.ossPath,
      'Model path (OSS or NAS)',
      prefill,
      'oss://bucket/models/name/ or nas://<id>.<region>.nas.aliyuncs.com/models/ — mounted read-only at /model_dir',
    ),
    staticSelect(
      FIELD.network,
      'Network',
      NETWORK_MODULES.map((m) => option(m.label, m.id)),
      mode,
      true,
    ),
    ...buildNetworkFields(mode, prefill),
    textInput(
      FIELD.resourceGroup,
      'Dedicated resource group',
      prefill,
      'eas-r-…; empty means the public pool.',
    ),
    numberInput(FIELD.autoscaleMin, 'Autoscaling min', prefill),
    numberInput(FIELD.autoscaleMax, 'Autoscaling max', prefill),
    buildTtlInput(prefill.ttl, input.defaultTtl ?? '1d'),
    dryRunInput(prefill.dry_run === 'true'),
  ];
  return {
    type: 'modal',
    callback_id: DEPLOY_CALLBACK_ID,
    title: plain('Deploy to PAI-EAS', 24),
    submit: plain('Deploy', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify({
      channelId: input.channelId,
      ...(input.redeployOf ? { redeployOf: input.redeployOf } : {}),
    }),
    blocks,
  };
}

/** Names each value of the command the form left out, with the rule it broke. */
function buildDroppedNotice(dropped: readonly DroppedValue[]): types.ContextBlock {
  const lines = dropped.map((d) => {
    // A backtick (\x60) in the value would close the code span around it.
    const shown = truncate(`${d.field}=${d.value}`, 80).replace(/\x60/g, "'");
    return `• \`${escapeMrkdwn(shown)}\` — ${escapeMrkdwn(d.why)}`;
  });
  return context(`:warning: *Left out of the form:*\n${lines.join('\n')}`);
}
