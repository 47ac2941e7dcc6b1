import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../demo/local-stack.js';
import { REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { deployThroughSlack, readCreateBodies } from './deploy-through-slack.js';
import { buildFlowWorld, vllmImage } from './flow-world.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix: uniquePrefix('flow-notes'),
    sim: {
      world: buildFlowWorld(),
      faults: [
        // Both NLB attempts hit the plugin bug in Singapore; the fallback then succeeds.
        { op: 'eas create-service', mode: 'nlb-bug', times: 2, region: 'ap-southeast-1' },
        // Beijing's first create meets an i/o timeout on the client although EAS created the service.
        {
          op: 'eas create-service',
          mode: 'network-but-succeeds',
          netError: 'i/o timeout',
          times: 1,
          region: 'cn-beijing',
        },
        {
          op: 'eas create-service',
          mode: 'error',
          status: 400,
          code: 'InvalidParameter',
          message: 'Invalid storage config: oss bucket not found',
          region: 'cn-nonet',
        },
      ],
    },
  });
});
afterAll(async () => stack?.stop());

const GPU = 'ecs.gn7i-c16g1.4xlarge';
const hangzhou = { region: 'cn-hangzhou', image: vllmImage('cn-hangzhou'), instance_type: GPU };

describe('what the engine decides for the person, said plainly in the thread', () => {
  it('falls back to the shared gateway after two NLB plugin failures and says so', async () => {
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'flow_nlb_bug' },
      {
        region: 'ap-southeast-1',
        image: vllmImage('ap-southeast-1'),
        instance_type: GPU,
        network: 'nlb',
      },
    );
    expect(flow.final).toContain('Deployment summary');
    expect(flow.final).toContain('NLB config failed due to CLI plugin limitation');
    expect(flow.final).toContain('shared gateway');
    const bodies = readCreateBodies(flow);
    expect(bodies).toHaveLength(3);
    expect(bodies[0]?.networking).toHaveProperty('nlb');
    expect(bodies[1]?.networking).toHaveProperty('nlb');
    expect(bodies[2]?.networking).toBeUndefined();
    expect(bodies[2]?.cloud).not.toHaveProperty('networking');
  });

  it('moves vLLM from a CPU type to the smallest available GPU type and says so', async () => {
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'flow_cpu_vllm' },
      { ...hangzhou, instance_type: 'ecs.c6.4xlarge' },
    );
    expect(flow.final).toContain('Deployment summary');
    expect(flow.final).toContain('ecs.c6.4xlarge');
    expect(flow.final).toContain('ecs.gn6i-c4g1.xlarge');
    const [body] = readCreateBodies(flow);
    expect(body?.cloud).toMatchObject({ computing: { instance_type: 'ecs.gn6i-c4g1.xlarge' } });
  });

  it('turns a prefix_* name into the prefix plus six digits and says which name it took', async () => {
    const flow = await deployThroughSlack(stack, { service_name: 'flowpfx_*' }, hangzhou);
    expect(flow.final).toContain('Deployment summary');
    const [body] = readCreateBodies(flow);
    const name = String((body?.metadata as { name?: string } | undefined)?.name);
    expect(name).toMatch(/^flowpfx_\d{6}$/);
    expect(flow.final).toContain(`/api/predict/${name}`);
  });

  it('shows the service JSON of a dry run and creates nothing', async () => {
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'flow_dry', dry_run: 'true' },
      hangzhou,
    );
    // While it runs, the parent says it checks; no headline ever says it deploys.
    expect(flow.posted).toContain(
      'Checking `flow_dry` for cn-hangzhou (dry run: nothing will be created)',
    );
    for (const message of [flow.posted, ...flow.thread]) expect(message).not.toContain('Deploying');
    expect(flow.final).toContain('Dry run passed');
    expect(flow.parent).toContain('✓ Dry run passed for `flow_dry`');
    expect(flow.final).toContain('nothing was created');
    expect(flow.final).toContain('Service JSON that would be sent');
    expect(flow.final).toContain('\\"name\\": \\"flow_dry\\"');
    for (const gate of [
      'eas list-services',
      'aiworkspace list-images',
      'eas describe-machine-spec',
    ])
      expect(flow.ops).toContain(gate);
    expect(flow.ops).not.toContain('eas create-service');
  });

  it('reports a create that the cloud refuses with 400, with the error and what to do next', async () => {
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'flow_refused' },
      { region: 'cn-nonet', image: vllmImage('cn-nonet'), instance_type: GPU },
    );
    expect(flow.final).toContain('Deploying `flow_refused` failed.');
    expect(flow.parent).toContain('✗ Deploying `flow_refused` to cn-nonet failed');
    expect(flow.final).toContain('InvalidParameter');
    expect(flow.final).toContain('oss bucket not found');
    expect(flow.final).toContain('*Next:*');
    expect(flow.ops.filter((o) => o === 'eas create-service')).toHaveLength(1);
    expect(flow.ops).not.toContain('eas describe-service');
  });

  it('finds the service a create lost to an i/o timeout made: one summary, no second create', async () => {
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'flow_slow_create' },
      { region: 'cn-beijing', image: vllmImage('cn-beijing'), instance_type: GPU },
    );
    expect(flow.final).toContain('Deployment summary');
    expect(flow.final).toContain('/api/predict/flow_slow_create');
    expect(flow.thread.filter((t) => t.includes('Deployment summary'))).toHaveLength(1);
    const creates = flow.calls.filter((c) => c.argv[1] === 'create-service');
    expect(creates.map((c) => c.exitCode)).toEqual([1]);
    expect(flow.ops.slice(flow.ops.indexOf('eas create-service') + 1)).toEqual([
      'eas describe-service',
      'eas describe-service-endpoints',
    ]);
  });
});
