import { describeRefusal, readFieldNumber } from '../../../../blocks/field-rules.js';
import { FIELD, type FieldId, type Prefill } from '../../../../blocks/ids.js';
import { DeploySpec } from '../../../deploy/deploy-spec.js';
import { fieldOfPath, readNetworkFields } from '../../../deploy/network/registry.js';

export type ParsedSubmission =
  | { ok: true; spec: DeploySpec }
  | { ok: false; errors: Partial<Record<FieldId, string>> };

/** Where a DeploySpec issue path shows up in the form. */
const PATH_TO_FIELD: Record<string, FieldId> = {
  region: FIELD.region,
  serviceName: FIELD.serviceName,
  workspaceId: FIELD.workspace,
  image: FIELD.image,
  instanceType: FIELD.instanceType,
  replicas: FIELD.replicas,
  port: FIELD.port,
  command: FIELD.command,
  ossPath: FIELD.ossPath,
  nasPath: FIELD.ossPath,
  'network.mode': FIELD.network,
  resourceGroup: FIELD.resourceGroup,
  'autoscale.min': FIELD.autoscaleMin,
  'autoscale.max': FIELD.autoscaleMax,
  autoscale: FIELD.autoscaleMax,
  ttl: FIELD.ttl,
};

const REQUIRED: readonly FieldId[] = [
  FIELD.region,
  FIELD.serviceName,
  FIELD.image,
  FIELD.instanceType,
];

/** Fields whose schema rule looks at other fields (NAS region and network, min below max): it words its own refusal. */
const CROSS_FIELD: ReadonlySet<FieldId> = new Set([FIELD.ossPath, FIELD.autoscaleMin]);

const NUMBERS: readonly FieldId[] = [
  FIELD.replicas,
  FIELD.port,
  FIELD.autoscaleMin,
  FIELD.autoscaleMax,
];

/** Turns the form's raw values into a DeploySpec, or one plain-words error per bad field. */
export function parseSubmission(values: Prefill): ParsedSubmission {
  const errors: Partial<Record<FieldId, string>> = {};
  for (const id of REQUIRED) if (!values[id]) errors[id] = describeRefusal(id);
  const numbers: Partial<Record<FieldId, number>> = {};
  for (const id of NUMBERS) {
    const text = values[id];
    if (text === undefined) continue;
    const value = readFieldNumber(id, text);
    if (value === undefined) errors[id] = describeRefusal(id);
    else numbers[id] = value;
  }
  const min = numbers.autoscale_min;
  const max = numbers.autoscale_max;
  const missing = min === undefined ? FIELD.autoscaleMin : FIELD.autoscaleMax;
  if ((min === undefined) !== (max === undefined) && !errors[missing]) {
    errors[missing] = describeRefusal(missing);
  }
  // Unknown on purpose: the schema, not the compiler, decides whether `network` is a valid mode.
  const input: unknown = {
    region: values.region ?? '',
    serviceName: values.service_name ?? '',
    workspaceId: values.workspace,
    image: values.image ?? '',
    instanceType: values.instance_type ?? '',
    replicas: numbers.replicas,
    port: numbers.port,
    command: values.command,
    // One field, two sources: a nas:// path is NAS, anything else is checked as OSS.
    ...(values.oss_path?.trim().startsWith('nas://')
      ? { nasPath: values.oss_path }
      : { ossPath: values.oss_path }),
    // The chosen mode reads its own fields (src/deploy/network/); the others' values are ignored.
    network: readNetworkFields(values.network, values),
    resourceGroup: values.resource_group,
    autoscale: min !== undefined && max !== undefined ? { min, max } : undefined,
    dryRun: values.dry_run === 'true',
    ttl: values.ttl,
  };
  const parsed = DeploySpec.safeParse(input);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, spec: parsed.data };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    // `network.vswitchIds.0` → the vSwitch field; `autoscale.min` → its own; else the top key.
    const path = issue.path.map(String);
    const own = path[0] === 'network' ? fieldOfPath(path[1] ?? '') : undefined;
    const field =
      (own?.id as FieldId | undefined) ??
      PATH_TO_FIELD[path.join('.')] ??
      PATH_TO_FIELD[path.slice(0, 2).join('.')] ??
      PATH_TO_FIELD[path[0] ?? ''];
    if (field && !errors[field])
      errors[field] =
        CROSS_FIELD.has(field) && issue.code === 'custom' ? issue.message : describeRefusal(field);
  }
  // Unreachable from the form (every path above has a field); kept so a refusal is never empty.
  if (Object.keys(errors).length === 0) errors.service_name = 'Something in the form is not valid.';
  return { ok: false, errors };
}

/** The refusal for a name that cannot be used now: it exists (a redeploy) or someone is deploying it. */
export function refuseTakenName(name: string, deployingUserId?: string): string {
  const why = deployingUserId
    ? `one nobody is deploying now (<@${deployingUserId}> is deploying ${name})`
    : `a new name (${name} already exists, and a redeploy never replaces it)`;
  return describeRefusal(FIELD.serviceName, { rule: why, example: `${name.slice(0, 60)}_2` });
}
