import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../demo/local-stack.js';
import { REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { deployThroughSlack } from './deploy-through-slack.js';
import { buildFlowWorld, vllmImage } from './flow-world.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({
    redisUrl: REDIS_URL,
    prefix: uniquePrefix('flow-visibility'),
    // The account answers 404 for a new service (describe and list) for ten minutes.
    sim: {
      world: {
        ...buildFlowWorld(),
        lifecycle: { creatingMs: 0, waitingMs: 0, invisibleMs: 600_000 },
      },
    },
  });
});
afterAll(async () => stack?.stop());

describe('a service that the cloud does not show yet right after create', () => {
  it('still reports the deployment as made, creating the service exactly once', async () => {
    const flow = await deployThroughSlack(
      stack,
      { service_name: 'flow_invisible' },
      {
        region: 'cn-hangzhou',
        image: vllmImage('cn-hangzhou'),
        instance_type: 'ecs.gn7i-c16g1.4xlarge',
      },
    );
    expect(flow.ops.filter((o) => o === 'eas create-service')).toHaveLength(1);
    expect(flow.ops.filter((o) => o === 'eas describe-service')).toHaveLength(1);
    expect(flow.final).toContain('Deployment summary');
    expect(flow.final).toContain('EAS does not show the new service yet');
    expect(flow.final).toContain('resend_token');
  });
});
