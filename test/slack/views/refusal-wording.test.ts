import { describe, expect, it } from 'vitest';
import type { Prefill } from '../../../blocks/ids.js';
import {
  parseSubmission,
  refuseTakenName,
} from '../../../src/slack/listeners/views/parse-submission.js';

/** A form that deploys; each case below breaks one field of it. */
const good: Prefill = {
  region: 'cn-hangzhou',
  service_name: 'qwen_demo',
  image: 'vllm',
  instance_type: 'ecs.gn7i-c16g1.4xlarge',
};

/** The one refusal the person reads under the field, for a form with these changes. */
function refusalFor(changes: Prefill, field: keyof Prefill): string | undefined {
  const parsed = parseSubmission({ ...good, ...changes });
  if (parsed.ok) throw new Error(`expected ${field} to be refused`);
  return parsed.errors[field];
}

const REPLICAS = 'Replicas must be a whole number from 1 to 100, for example 1.';
const PORT =
  'Port must be a whole number from 1 to 65535 other than 8080 (EAS keeps 8080 for itself), for example 8000.';
const AUTOSCALE_MIN =
  'Autoscaling min must be a whole number from 0 to 1000, set together with Autoscaling max, for example 1.';
const AUTOSCALE_MAX =
  'Autoscaling max must be a whole number from 1 to 1000, set together with Autoscaling min, for example 4.';

describe('every refusal of the deploy form names the field, the rule and a good value', () => {
  it.each([
    [
      'region',
      { region: '' },
      'Region must be one of the regions in the list, for example cn-hangzhou.',
    ],
    [
      'service_name',
      { service_name: '' },
      'Service name must be 3–63 lowercase letters, digits or underscores (no hyphens), or a prefix ending in *, for example qwen_demo or qwen_*.',
    ],
    [
      'image',
      { image: '' },
      'Image must be a framework name or an image URI (registry/path:tag), for example vllm or eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu.',
    ],
    [
      'instance_type',
      { instance_type: '' },
      'Instance type must be an instance type from the list, for example ecs.gn7i-c16g1.4xlarge.',
    ],
  ] as const)('asks for a missing %s', (field, changes, message) => {
    expect(refusalFor(changes, field)).toBe(message);
  });

  it.each([
    [
      'region',
      { region: 'Hangzhou' },
      'Region must be one of the regions in the list, for example cn-hangzhou.',
    ],
    [
      'service_name',
      { service_name: 'Qwen-Demo' },
      'Service name must be 3–63 lowercase letters, digits or underscores (no hyphens), or a prefix ending in *, for example qwen_demo or qwen_*.',
    ],
    [
      'workspace',
      { workspace: 'my workspace' },
      'Workspace must be one of the workspaces in the list, for example 86231.',
    ],
    [
      'image',
      { image: 'vllm latest' },
      'Image must be a framework name or an image URI (registry/path:tag), for example vllm or eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu.',
    ],
    [
      'instance_type',
      { instance_type: 'A10 GPU' },
      'Instance type must be an instance type from the list, for example ecs.gn7i-c16g1.4xlarge.',
    ],
    [
      'command',
      { command: 'x'.repeat(2001) },
      'Start command must be at most 2000 characters, for example vllm serve /model_dir --port 8000.',
    ],
    [
      'oss_path',
      { oss_path: 'bucket/models/qwen' },
      'Model path must be an OSS path ending in / or a NAS path, for example oss://bucket/models/qwen/.',
    ],
    ['network', { network: 'mesh' }, 'Network must be shared, gateway or nlb, for example shared.'],
    [
      'gateway',
      { network: 'gateway', gateway: 'gateway-1' },
      'Dedicated gateway id must be a gateway id, or empty to use the region’s only one, for example gw-abc123.',
    ],
    [
      'resource_group',
      { resource_group: 'rg1' },
      'Dedicated resource group must be a resource group id, or empty for the public pool, for example eas-r-abc123.',
    ],
    [
      'nlb_id',
      { network: 'nlb', nlb_id: 'lb-1' },
      'NLB id must be an NLB id, or empty for a system NLB, for example nlb-abc123.',
    ],
    [
      'vpc_id',
      { network: 'nlb', vpc_id: 'v1' },
      'VPC id must be a VPC id, or empty to use the region’s, for example vpc-abc123.',
    ],
    [
      'vswitch_ids',
      { network: 'nlb', vswitch_ids: 'vsw-a1,zone-b' },
      'vSwitch ids must be vSwitch ids in two zones, comma-separated, or empty to find them, for example vsw-a1,vsw-b2.',
    ],
    [
      'security_group',
      { network: 'nlb', security_group: 'default' },
      'Security group id must be a security group id, or empty to find one in the VPC, for example sg-abc123.',
    ],
    [
      'net_type',
      { network: 'nlb', net_type: 'public' },
      'NLB address must be intranet or internet, for example intranet.',
    ],
  ] as const)('refuses a bad %s', (field, changes, message) => {
    expect(refusalFor(changes, field)).toBe(message);
  });

  it.each(['0', '-1', '101', 'two', '1.5'])('refuses %s replicas with the bounds', (replicas) => {
    expect(refusalFor({ replicas }, 'replicas')).toBe(REPLICAS);
  });

  it.each(['0', '65536', '8080', 'http'])('refuses port %s with the bounds and 8080', (port) => {
    expect(refusalFor({ port }, 'port')).toBe(PORT);
  });

  it('refuses autoscaling bounds out of range, alone, or the wrong way round', () => {
    expect(refusalFor({ autoscale_min: '-1', autoscale_max: '4' }, 'autoscale_min')).toBe(
      AUTOSCALE_MIN,
    );
    expect(refusalFor({ autoscale_min: '1', autoscale_max: '1001' }, 'autoscale_max')).toBe(
      AUTOSCALE_MAX,
    );
    expect(refusalFor({ autoscale_max: '4' }, 'autoscale_min')).toBe(AUTOSCALE_MIN);
    expect(refusalFor({ autoscale_min: '1' }, 'autoscale_max')).toBe(AUTOSCALE_MAX);
    expect(refusalFor({ autoscale_min: '5', autoscale_max: '2' }, 'autoscale_min')).toBe(
      'Autoscaling min must be below Autoscaling max, for example min 1 and max 4.',
    );
  });

  it('refuses a NAS model path in another region, or on the shared gateway', () => {
    expect(
      refusalFor(
        { network: 'gateway', oss_path: 'nas://0a1b2c.cn-beijing.nas.aliyuncs.com/models/' },
        'oss_path',
      ),
    ).toBe(
      "Model path must be a NAS in cn-hangzhou, the deployment's region (this one is in cn-beijing), for example nas://0a1b2c.cn-hangzhou.nas.aliyuncs.com/models/.",
    );
    expect(
      refusalFor({ oss_path: 'nas://0a1b2c.cn-hangzhou.nas.aliyuncs.com/models/' }, 'oss_path'),
    ).toBe(
      'Model path must be an OSS path on the shared gateway (a NAS needs a VPC: pick the dedicated gateway or NLB network), for example oss://bucket/models/qwen/.',
    );
  });

  it('refuses a name that exists or that someone is deploying now, with another to try', () => {
    expect(refuseTakenName('qwen_demo')).toBe(
      'Service name must be a new name (qwen_demo already exists, and a redeploy never replaces it), for example qwen_demo_2.',
    );
    expect(refuseTakenName('qwen_demo', 'U0OTHER')).toBe(
      'Service name must be one nobody is deploying now (<@U0OTHER> is deploying qwen_demo), for example qwen_demo_2.',
    );
  });
});
