import type { Prefill } from '../../../../blocks/ids.js';
import { FIELD, type FieldId } from '../../../../blocks/ids.js';
import { DeploySpec } from '../../../deploy/deploy-spec.js';

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
  'network.gatewayId': FIELD.gateway,
  'network.nlbId': FIELD.nlbId,
  'network.vpcId': FIELD.vpcId,
  'network.vswitchIds': FIELD.vswitchIds,
  'network.securityGroupId': FIELD.securityGroup,
  'network.netType': FIELD.netType,
  resourceGroup: FIELD.resourceGroup,
  'autoscale.min': FIELD.autoscaleMin,
  'autoscale.max': FIELD.autoscaleMax,
  autoscale: FIELD.autoscaleMax,
};

const REQUIRED: readonly [FieldId, string][] = [
  [FIELD.region, 'Pick a region.'],
  [FIELD.serviceName, 'Give the service a name.'],
  [FIELD.image, 'Pick an image or type an image URI.'],
  [FIELD.instanceType, 'Pick an instance type.'],
];

/** Messages for fields whose schema has no wording of its own. */
const FRIENDLY: Partial<Record<FieldId, string>> = {
  workspace: 'Pick a workspace from the list.',
  replicas: 'Use 1 to 100 replicas.',
  network: 'Pick shared, gateway or nlb.',
  gateway: 'Use a gateway id like gw-abc123, or leave it empty.',
  resource_group: 'Use a resource group id like eas-r-abc123, or leave it empty.',
  autoscale_min: 'Use 0 to 1000.',
  command: 'Keep the command under 2000 characters.',
  nlb_id: 'Use an NLB id like nlb-abc123, or leave it empty for a system NLB.',
  vpc_id: 'Use a VPC id like vpc-abc123, or leave it empty.',
  vswitch_ids: 'Use vSwitch ids like vsw-a1,vsw-b2 (two zones), or leave it empty.',
  security_group: 'Use a security group id like sg-abc123, or leave it empty.',
};

const NUMBERS: readonly FieldId[] = [
  FIELD.replicas,
  FIELD.port,
  FIELD.autoscaleMin,
  FIELD.autoscaleMax,
];

/** The optional NLB fields; empty ones stay undefined so the worker discovers them. */
function readNlbFields(values: Prefill) {
  return {
    nlbId: values.nlb_id,
    vpcId: values.vpc_id,
    vswitchIds: values.vswitch_ids
      ?.split(',')
      .map((v) => v.trim())
      .filter(Boolean),
    securityGroupId: values.security_group,
    netType: values.net_type,
  };
}

/** Turns the form's raw values into a DeploySpec, or one plain-words error per bad field. */
export function parseSubmission(values: Prefill): ParsedSubmission {
  const errors: Partial<Record<FieldId, string>> = {};
  for (const [id, message] of REQUIRED) if (!values[id]) errors[id] = message;
  const numbers: Partial<Record<FieldId, number>> = {};
  for (const id of NUMBERS) {
    const text = values[id];
    if (text === undefined) continue;
    if (/^\d{1,6}$/.test(text)) numbers[id] = Number(text);
    else errors[id] = 'Enter a whole number.';
  }
  const min = numbers.autoscale_min;
  const max = numbers.autoscale_max;
  if ((min === undefined) !== (max === undefined)) {
    errors[min === undefined ? FIELD.autoscaleMin : FIELD.autoscaleMax] =
      'Fill in both autoscaling bounds, or neither.';
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
    network: {
      mode: values.network ?? 'shared',
      gatewayId: values.network === 'gateway' ? values.gateway : undefined,
      ...(values.network === 'nlb' ? readNlbFields(values) : {}),
    },
    resourceGroup: values.resource_group,
    autoscale: min !== undefined && max !== undefined ? { min, max } : undefined,
    dryRun: values.dry_run === 'true',
  };
  const parsed = DeploySpec.safeParse(input);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, spec: parsed.data };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    // `network.vswitchIds.0` → the vSwitch field; `autoscale.min` → its own; else the top key.
    const path = issue.path.map(String);
    const field =
      PATH_TO_FIELD[path.join('.')] ??
      PATH_TO_FIELD[path.slice(0, 2).join('.')] ??
      PATH_TO_FIELD[path[0] ?? ''];
    if (field && !errors[field]) errors[field] = FRIENDLY[field] ?? issue.message;
  }
  if (Object.keys(errors).length === 0) errors.service_name = 'Something in the form is not valid.';
  return { ok: false, errors };
}
