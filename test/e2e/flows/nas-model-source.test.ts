import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../demo/local-stack.js';
import { createSlackUser } from '../../../demo/slack-user.js';
import { REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { deployThroughSlack, readCreateBodies } from './deploy-through-slack.js';
import { buildFlowWorld, vllmImage } from './flow-world.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix: uniquePrefix('flow-nas'),
    sim: { world: buildFlowWorld() },
  });
});
afterAll(async () => stack?.stop());

const selects = (network: string) => ({
  region: 'cn-beijing',
  image: vllmImage('cn-beijing'),
  instance_type: 'ecs.gn7i-c16g1.4xlarge',
  network,
});

describe('a model on NAS, from the modal to the thread summary', () => {
  it('deploys behind the gateway with the NAS mounted read-only over NFS at /model_dir', async () => {
    const flow = await deployThroughSlack(
      stack,
      {
        service_name: 'flow_nas',
        oss_path: 'nas://0a1b2c.cn-beijing.nas.aliyuncs.com/models/qwen/',
      },
      selects('gateway'),
    );
    expect(flow.final).toContain('Deployment summary');
    const [body] = readCreateBodies(flow);
    expect(body?.storage).toEqual([
      {
        mount_path: '/model_dir',
        nfs: {
          server: '0a1b2c.cn-beijing.nas.aliyuncs.com',
          path: '/models/qwen/',
          readOnly: true,
        },
      },
    ]);
    expect(body?.cloud).toMatchObject({ networking: { vpc_id: 'vpc-2zedemo01' } });
  });

  it('answers the form with an error on the model path for a NAS in another region', async () => {
    const person = createSlackUser({ eventsUrl: stack.eventsUrl });
    const answer = await person.submitForm(
      {
        service_name: 'flow_nas_far',
        replicas: '1',
        port: '8000',
        oss_path: 'nas://0a1b2c.cn-hangzhou.nas.aliyuncs.com/models/',
      },
      selects('gateway'),
      'V0NASFAR01',
    );
    expect(JSON.parse(answer.text)).toEqual({
      response_action: 'errors',
      errors: {
        oss_path:
          "Model path must be a NAS in cn-beijing, the deployment's region (this one is in cn-hangzhou), for example nas://0a1b2c.cn-beijing.nas.aliyuncs.com/models/.",
      },
    });
  });
});
