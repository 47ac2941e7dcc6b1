import { describe, expect, it } from 'vitest';
import { listLoadBalancers, listVpcs } from '../../src/aliyun/network-lookups.js';
import { createScriptedCli, flagValue } from '../support/scripted-cli.js';

const T = { region: 'cn-hangzhou', userAgent: 'ua' };

/** A DescribeVpcs page of `size` VPCs numbered from the page, out of `total`. */
const vpcPage = (page: number, size: number, total: number) => ({
  TotalCount: total,
  PageNumber: page,
  PageSize: size,
  Vpcs: { Vpc: Array.from({ length: size }, (_, i) => ({ VpcId: `vpc-p${page}n${i}` })) },
});

describe('network lookups read every page', () => {
  it('reads DescribeVpcs page after page until TotalCount is reached', async () => {
    const cli = createScriptedCli([
      {
        prefix: ['vpc', 'DescribeVpcs'],
        replies: (args) => {
          const page = Number(flagValue(args, '--PageNumber'));
          return { stdout: vpcPage(page, page < 3 ? 50 : 7, 107) };
        },
      },
    ]);
    const answer = await listVpcs({ cli }, T);
    expect(answer.ok && answer.data).toHaveLength(107);
    expect(cli.calls.map((c) => flagValue(c, '--PageNumber'))).toEqual(['1', '2', '3']);
    expect(cli.calls.every((c) => flagValue(c, '--PageSize') === '50')).toBe(true);
  });

  it('stops at its bound with a message that says what to do instead', async () => {
    const cli = createScriptedCli([
      {
        prefix: ['vpc', 'DescribeVpcs'],
        replies: (args) => ({
          stdout: vpcPage(Number(flagValue(args, '--PageNumber')), 50, 100_000),
        }),
      },
    ]);
    const answer = await listVpcs({ cli }, T);
    expect(answer).toEqual({
      ok: false,
      error: {
        kind: 'too-many',
        message:
          'There are more VPCs in cn-hangzhou than eas-deploy reads (20 pages). Type the VPC id in the form.',
      },
    });
    expect(cli.calls).toHaveLength(20);
  });

  it('follows NextToken through the NLBs and stops at the page that holds the one asked for', async () => {
    const pages: Record<string, object> = {
      '': { NextToken: 't2', LoadBalancers: [{ LoadBalancerId: 'nlb-a' }] },
      t2: { NextToken: 't3', LoadBalancers: [{ LoadBalancerId: 'nlb-b' }] },
      t3: { NextToken: '', LoadBalancers: [{ LoadBalancerId: 'nlb-c' }] },
    };
    const cli = createScriptedCli([
      {
        prefix: ['nlb', 'ListLoadBalancers'],
        replies: (args) => ({ stdout: pages[flagValue(args, '--NextToken') ?? ''] ?? {} }),
      },
    ]);
    const answer = await listLoadBalancers({ cli }, T, 'nlb-b');
    expect(answer.ok && answer.data.map((l) => l.LoadBalancerId)).toEqual(['nlb-a', 'nlb-b']);
    expect(cli.calls.map((c) => flagValue(c, '--NextToken') ?? '')).toEqual(['', 't2']);
  });
});
