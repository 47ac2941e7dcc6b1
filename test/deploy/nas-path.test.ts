import { describe, expect, it } from 'vitest';
import { DeploySpec } from '../../src/deploy/deploy-spec.js';
import { parseNasPath } from '../../src/deploy/nas-path.js';

const NAS = 'nas://0a1b2c.cn-hangzhou.nas.aliyuncs.com/models/qwen/';
const base = {
  region: 'cn-hangzhou',
  serviceName: 'qwen_nas',
  image: 'vllm',
  instanceType: 'ecs.gn7i-c16g1.4xlarge',
  network: { mode: 'gateway' },
};
const messageOf = (input: unknown) => {
  const parsed = DeploySpec.safeParse(input);
  return parsed.success ? undefined : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('parseNasPath', () => {
  it('splits a nas:// path into the NFS server, its region and the directory', () => {
    expect(parseNasPath(NAS)).toEqual({
      server: '0a1b2c.cn-hangzhou.nas.aliyuncs.com',
      region: 'cn-hangzhou',
      path: '/models/qwen/',
    });
  });

  it('mounts the root of the file system when the path names no directory', () => {
    expect(parseNasPath('nas://0a1b2c.cn-beijing.nas.aliyuncs.com')?.path).toBe('/');
  });

  it('is undefined for an OSS path, another host or a shell-looking path', () => {
    expect(parseNasPath('oss://bucket/models/')).toBeUndefined();
    expect(parseNasPath('nas://example.com/models/')).toBeUndefined();
    expect(parseNasPath('nas://0a1b2c.cn-hangzhou.nas.aliyuncs.com/$(id)')).toBeUndefined();
  });
});

describe('a NAS model source in the deploy spec', () => {
  it('is accepted in the deployment region with a gateway or NLB network', () => {
    expect(DeploySpec.safeParse({ ...base, nasPath: NAS }).success).toBe(true);
    const nlb = { ...base, nasPath: NAS, network: { mode: 'nlb' } };
    expect(DeploySpec.safeParse(nlb).success).toBe(true);
  });

  it('is a field error when the NAS is in another region than the deployment', () => {
    expect(messageOf({ ...base, region: 'cn-beijing', nasPath: NAS })).toEqual([
      [
        'nasPath',
        "Model path must be a NAS in cn-beijing, the deployment's region (this one is in cn-hangzhou), for example nas://0a1b2c.cn-beijing.nas.aliyuncs.com/models/.",
      ],
    ]);
  });

  it('is a field error on the shared gateway, which has no VPC to reach the NAS', () => {
    expect(messageOf({ ...base, network: { mode: 'shared' }, nasPath: NAS })).toEqual([
      [
        'nasPath',
        'Model path must be an OSS path on the shared gateway (a NAS needs a VPC: pick the dedicated gateway or NLB network), for example oss://bucket/models/qwen/.',
      ],
    ]);
  });

  it('is a field error together with an OSS path, and when malformed', () => {
    expect(messageOf({ ...base, nasPath: NAS, ossPath: 'oss://bucket/m/' })?.[0]?.[1]).toBe(
      'Model path must be an OSS path or a NAS path, not both, for example oss://bucket/models/qwen/.',
    );
    expect(messageOf({ ...base, nasPath: 'nas://somewhere/models' })?.[0]?.[0]).toBe('nasPath');
  });

  it('leaves an OSS-only spec as it was', () => {
    const parsed = DeploySpec.safeParse({ ...base, ossPath: 'oss://bucket/m/' });
    expect(parsed.success && parsed.data.ossPath).toBe('oss://bucket/m/');
  });
});
