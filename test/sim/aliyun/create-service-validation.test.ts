import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBody, createSim, HZ } from './support/run-sim.js';

type Sim = Awaited<ReturnType<typeof createSim>>;
let sim: Sim;
beforeAll(async () => {
  sim = await createSim();
});
afterAll(() => sim.cleanup());

const create = (body: string, ...more: string[]) =>
  sim.run(['eas', 'create-service', ...HZ, '--biz-body', body, ...more]);
const net = {
  vpc_id: 'vpc-bp1demo01',
  vswitch_id: 'vsw-bp1zonea01,vsw-bp1zoneb01',
  security_group_id: 'sg-bp1demo01',
};

const HZ_NAS = '0a1b2c.cn-hangzhou.nas.aliyuncs.com';
/** A body with one NFS mount and the VPC of the demo world's cn-hangzhou. */
const nasBody = (nfs: Record<string, unknown>) =>
  buildBody({
    storage: [{ mount_path: '/model_dir', nfs }],
    cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' }, networking: net },
    networking: { nlb: [{ id: 'default', listener_port: 8000, netType: 'intranet' }] },
  });

describe('aliyun-sim create-service validation', () => {
  it('accepts a well-formed read-only NAS mount in the same region with a VPC', async () => {
    const made = await create(nasBody({ server: HZ_NAS, path: '/models/', readOnly: true }));
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
  });

  const invalid: [string, string, string][] = [
    ['a forbidden top-level key', buildBody({ ServiceName: 'x' }), 'ServiceName'],
    ['an unknown top-level key', buildBody({ processor: 'pmml' }), 'processor'],
    ['a name with hyphens', buildBody({}, 'my-service'), 'service name "my-service" is invalid'],
    ['a name too short', buildBody({}, 'ab'), 'is invalid'],
    ['no image', buildBody({ containers: [{ port: 8000 }] }), 'containers[0].image is required'],
    [
      'container port 8080',
      buildBody({ containers: [{ image: 'x', port: 8080 }] }),
      'port 8080 is reserved',
    ],
    [
      'both computing and resource',
      buildBody({ metadata: { name: 'both_set', resource: 'eas-r-hzdedicated01' } }),
      'mutually exclusive',
    ],
    ['neither computing nor resource', buildBody({ cloud: {} }), 'instance_type is required'],
    [
      'an unknown instance type',
      buildBody({ cloud: { computing: { instance_type: 'ecs.nope' } } }),
      'ecs.nope is not supported',
    ],
    [
      'an unavailable instance type',
      buildBody({ cloud: { computing: { instance_type: 'ecs.gn6v-c8g1.2xlarge' } } }),
      'not available',
    ],
    [
      'an OSS path without oss://',
      buildBody({ storage: [{ mount_path: '/model_dir', oss: { path: 'bucket/qwen/' } }] }),
      'must start with oss://',
    ],
    [
      'snake_case autoscaler keys',
      buildBody({ autoscaler: { min_replica: 1, max_replica: 3 } }),
      'camelCase',
    ],
    [
      'an autoscaling metric EAS has no name for (memory)',
      buildBody({
        autoscaler: { min: 1, max: 3, scaleStrategies: [{ metricName: 'memory', threshold: 80 }] },
      }),
      'use qps, cpu, gpu[util]',
    ],
    [
      'autoscaler min not below max',
      buildBody({ autoscaler: { min: 3, max: 3 } }),
      'must be less than',
    ],
    [
      'NLB with one zone',
      buildBody({
        cloud: {
          computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' },
          networking: { ...net, vswitch_id: 'vsw-bp1zonea01' },
        },
        networking: { nlb: [{ id: 'default', listener_port: 8000, netType: 'intranet' }] },
      }),
      'different zones',
    ],
    [
      'NLB without cloud.networking',
      buildBody({ networking: { nlb: [{ id: 'default', listener_port: 8000 }] } }),
      'cloud.networking needs',
    ],
    [
      'NLB listener port 8080',
      buildBody({
        cloud: { computing: { instance_type: 'ecs.gn7i-c16g1.4xlarge' }, networking: net },
        networking: { nlb: [{ id: 'default', listener_port: 8080 }] },
      }),
      'listener_port 8080 is reserved',
    ],
    [
      'a NAS mount without a VPC',
      buildBody({ storage: [{ mount_path: '/model_dir', nfs: { server: HZ_NAS, path: '/' } }] }),
      'storage[0].nfs needs VPC connectivity',
    ],
    [
      'a NAS server in another region',
      nasBody({ server: '0a1b2c.cn-beijing.nas.aliyuncs.com', path: '/' }),
      "NAS must be in the service's region cn-hangzhou",
    ],
    [
      'a NAS server that is not a mount target',
      nasBody({ server: 'files.example.com', path: '/' }),
      'is not a NAS mount target',
    ],
    ['a NAS mount without a path', nasBody({ server: HZ_NAS }), 'nfs.path must be an absolute'],
    [
      'a NAS mount with a string readOnly',
      nasBody({ server: HZ_NAS, path: '/', readOnly: 'yes' }),
      'nfs.readOnly must be a boolean',
    ],
    [
      'a mount at /',
      buildBody({ storage: [{ mount_path: '/', oss: { path: 'oss://b/m/' } }] }),
      'mount_path must be an absolute path other than /',
    ],
    ['a body that is not JSON', '{"metadata":', 'not valid JSON'],
  ];
  it.each(invalid)('answers 400 InvalidParameter for %s', async (_what, body, message) => {
    const result = await create(body);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('StatusCode: 400');
    expect(result.stderr).toContain('Code: InvalidParameter');
    expect(result.stderr).toContain(message);
  });
});
