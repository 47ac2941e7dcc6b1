// biome-ignore-all format: argv lists read best on one line
import { describe, expect, it } from 'vitest';
import {
  buildUserAgent,
  createServiceArgs,
  describeGatewayArgs,
  describeSecurityGroupsArgs,
  describeServiceArgs,
  listImagesArgs,
  listServicesArgs,
  listWorkspacesArgs,
} from '../../src/aliyun/commands.js';

const T = { region: 'cn-shanghai', userAgent: buildUserAgent('dep-9') };
const TAIL = ['--region', 'cn-shanghai', '--user-agent', 'eas-deploy/0.1.0 (deployment dep-9)'];

describe('argv builders', () => {
  it('build the calls of docs/CLI-CALLS.md with --region and the user agent', () => {
    expect(listWorkspacesArgs(T)).toEqual(['aiworkspace', 'list-workspaces', ...TAIL, '--page-size', '100']);
    expect(listServicesArgs(T, 'qwen_demo')).toEqual(['eas', 'list-services', ...TAIL, '--service-name', 'qwen_demo']);
    expect(listImagesArgs(T, 2, 'vllm')).toEqual([
      'aiworkspace', 'list-images', ...TAIL, '--verbose', 'true',
      '--labels', 'system.official=true,system.supported.eas=true',
      '--page-size', '50', '--page-number', '2', '--name', 'vllm',
    ]);
  });

  it('add --cluster-id on single-service and gateway calls, --biz-region-id on VPC/ECS/NLB calls', () => {
    expect(describeServiceArgs(T, 'a_b')).toEqual([
      'eas', 'describe-service', ...TAIL, '--cluster-id', 'cn-shanghai', '--service-name', 'a_b',
    ]);
    expect(describeGatewayArgs(T, 'gw-1')).toContain('--cluster-id');
    expect(describeSecurityGroupsArgs(T, 'vpc-1')).toEqual([
      'ecs', 'describe-security-groups', ...TAIL, '--biz-region-id', 'cn-shanghai', '--vpc-id', 'vpc-1',
    ]);
  });

  it('put the service JSON inline in --body with the request-id label', () => {
    expect(createServiceArgs(T, '{"metadata":{}}', { 'eas-deploy.request-id': 'dep-9' }, '123')).toEqual([
      'eas', 'create-service', ...TAIL, '--body', '{"metadata":{}}',
      '--labels', '{"eas-deploy.request-id":"dep-9"}', '--workspace-id', '123',
    ]);
  });
});
