import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../../../src/slack/listeners/views/parse-submission.js';
import { specToPrefill } from '../../../src/slack/listeners/views/spec-to-prefill.js';

const nlb = {
  region: 'cn-hangzhou',
  service_name: 'qwen_nlb',
  image: 'vllm',
  instance_type: 'ecs.gn7i-c16g1.4xlarge',
  network: 'nlb',
};

describe('the NLB fields of the modal', () => {
  it('leaves every NLB piece to discovery when the fields are empty', () => {
    const parsed = parseSubmission(nlb);
    expect(parsed.ok && parsed.spec.network).toEqual({ mode: 'nlb', netType: 'intranet' });
  });

  it('carries the given NLB, VPC, vSwitches, security group and address type', () => {
    const parsed = parseSubmission({
      ...nlb,
      nlb_id: 'nlb-abc123',
      vpc_id: 'vpc-abc123',
      vswitch_ids: 'vsw-a1, vsw-b2',
      security_group: 'sg-abc123',
      net_type: 'internet',
    });
    expect(parsed.ok && parsed.spec.network).toEqual({
      mode: 'nlb',
      nlbId: 'nlb-abc123',
      vpcId: 'vpc-abc123',
      vswitchIds: ['vsw-a1', 'vsw-b2'],
      securityGroupId: 'sg-abc123',
      netType: 'internet',
    });
  });

  it('shows a malformed NLB piece on its own field', () => {
    const parsed = parseSubmission({ ...nlb, vswitch_ids: 'zone-a', security_group: 'default' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(['security_group', 'vswitch_ids']);
    expect(parsed.errors.vswitch_ids).toContain('vsw-');
  });

  it('ignores NLB fields left over when another network mode is chosen', () => {
    const parsed = parseSubmission({ ...nlb, network: 'shared', vpc_id: 'not-a-vpc' });
    expect(parsed.ok && parsed.spec.network).toEqual({ mode: 'shared', netType: 'intranet' });
  });

  it('pre-fills a redeploy with the NLB pieces that were given', () => {
    const parsed = parseSubmission({ ...nlb, vpc_id: 'vpc-abc123', vswitch_ids: 'vsw-a1,vsw-b2' });
    if (!parsed.ok) throw new Error('expected a spec');
    expect(specToPrefill(parsed.spec)).toMatchObject({
      network: 'nlb',
      vpc_id: 'vpc-abc123',
      vswitch_ids: 'vsw-a1,vsw-b2',
      net_type: 'intranet',
    });
  });
});
