import { LIMITS, RESERVED_PORT } from '../src/deploy/deploy-spec.js';
import type { FieldId } from './ids.js';

/**
 * What each form field takes, in the words of every refusal: the field's name, the rule and an
 * example of a good value. One table, so the form, the pre-fill notice and the submission refusals
 * speak with one voice.
 */
export interface FieldRule {
  readonly label: string;
  readonly rule: string;
  readonly example: string;
}

const whole = (b: { min: number; max: number }) => `a whole number from ${b.min} to ${b.max}`;

export const FIELD_RULES: Readonly<Record<FieldId, FieldRule>> = {
  region: { label: 'Region', rule: 'one of the regions in the list', example: 'cn-hangzhou' },
  service_name: {
    label: 'Service name',
    rule: '3–63 lowercase letters, digits or underscores (no hyphens), or a prefix ending in *',
    example: 'qwen_demo or qwen_*',
  },
  workspace: {
    label: 'Workspace',
    rule: 'one of the workspaces in the list',
    example: '86231',
  },
  image: {
    label: 'Image',
    rule: 'a framework name or an image URI (registry/path:tag)',
    example: 'vllm or eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu',
  },
  instance_type: {
    label: 'Instance type',
    rule: 'an instance type from the list',
    example: 'ecs.gn7i-c16g1.4xlarge',
  },
  replicas: { label: 'Replicas', rule: whole(LIMITS.replicas), example: '1' },
  port: {
    label: 'Port',
    rule: `${whole(LIMITS.port)} other than ${RESERVED_PORT} (EAS keeps ${RESERVED_PORT} for itself)`,
    example: '8000',
  },
  command: {
    label: 'Start command',
    rule: 'at most 2000 characters',
    example: 'vllm serve /model_dir --port 8000',
  },
  oss_path: {
    label: 'Model path',
    rule: 'an OSS path ending in / or a NAS path',
    example: 'oss://bucket/models/qwen/',
  },
  network: { label: 'Network', rule: 'shared, gateway or nlb', example: 'shared' },
  gateway: {
    label: 'Dedicated gateway id',
    rule: 'a gateway id, or empty to use the region’s only one',
    example: 'gw-abc123',
  },
  resource_group: {
    label: 'Dedicated resource group',
    rule: 'a resource group id, or empty for the public pool',
    example: 'eas-r-abc123',
  },
  autoscale_min: {
    label: 'Autoscaling min',
    rule: `${whole(LIMITS.autoscaleMin)}, set together with Autoscaling max`,
    example: '1',
  },
  autoscale_max: {
    label: 'Autoscaling max',
    rule: `${whole(LIMITS.autoscaleMax)}, set together with Autoscaling min`,
    example: '4',
  },
  dry_run: { label: 'Dry run', rule: 'true or false', example: 'true' },
  nlb_id: {
    label: 'NLB id',
    rule: 'an NLB id, or empty for a system NLB',
    example: 'nlb-abc123',
  },
  vpc_id: {
    label: 'VPC id',
    rule: 'a VPC id, or empty to use the region’s',
    example: 'vpc-abc123',
  },
  vswitch_ids: {
    label: 'vSwitch ids',
    rule: 'vSwitch ids in two zones, comma-separated, or empty to find them',
    example: 'vsw-a1,vsw-b2',
  },
  security_group: {
    label: 'Security group id',
    rule: 'a security group id, or empty to find one in the VPC',
    example: 'sg-abc123',
  },
  net_type: { label: 'NLB address', rule: 'intranet or internet', example: 'intranet' },
};

/** The bounds Slack's number inputs check before the bot does (Block Kit min_value/max_value). */
export const NUMBER_BOUNDS: Readonly<Partial<Record<FieldId, { min: number; max: number }>>> = {
  replicas: LIMITS.replicas,
  port: LIMITS.port,
  autoscale_min: LIMITS.autoscaleMin,
  autoscale_max: LIMITS.autoscaleMax,
};

/** One refusal sentence: "<field> must be <rule>, for example <example>." (a rule may be narrowed). */
export function describeRefusal(field: FieldId, override: Partial<FieldRule> = {}): string {
  const { label, rule, example } = { ...FIELD_RULES[field], ...override };
  return `${label} must be ${rule}, for example ${example}.`;
}

/** The whole number a number field holds, or undefined when the text breaks the field's rule. */
export function readFieldNumber(field: FieldId, text: string): number | undefined {
  const bounds = NUMBER_BOUNDS[field];
  if (!bounds || !/^\d{1,6}$/.test(text.trim())) return undefined;
  const value = Number(text);
  if (value < bounds.min || value > bounds.max) return undefined;
  if (field === 'port' && value === RESERVED_PORT) return undefined;
  return value;
}
