import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBody, createSim, HZ } from './support/run-sim.js';

type Sim = Awaited<ReturnType<typeof createSim>>;
let sim: Sim;
beforeAll(async () => {
  sim = await createSim();
});
afterAll(() => sim.cleanup());

const create = (body: string, ...more: string[]) =>
  sim.run(['eas', 'create-service', ...HZ, '--body', body, ...more]);
const net = {
  vpc_id: 'vpc-bp1demo01',
  vswitch_id: 'vsw-bp1zonea01,vsw-bp1zoneb01',
  security_group_id: 'sg-bp1demo01',
};

describe('aliyun-sim create-service validation', () => {
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
