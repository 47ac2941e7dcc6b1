import { LIMITS, RESERVED_PORT } from '../src/deploy/deploy-spec.js';
import { networkFieldRules } from '../src/deploy/network/registry.js';
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
  ttl: {
    label: 'Lifetime',
    rule: 'a duration (<n>s, <n>m, <n>h, <n>d) or never',
    example: '1d, 4h, 20s or never',
  },
  // Each network mode words its own fields (src/deploy/network/<mode>.ts).
  ...networkFieldRules(),
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
