import { describe, expect, it } from 'vitest';
import { needsApproval } from '../../src/security/approval-rules.js';
import { hashServiceJson } from '../../src/security/hash-service-json.js';

describe('which deployments need approval', () => {
  const rules = { gpuThreshold: 8, instanceFamilies: ['ecs.gn8', 'ml.gu8'] };

  it('needs approval above the GPU threshold, counting GPUs × replicas', () => {
    expect(
      needsApproval(rules, { gpuCount: 4, replicas: 3, instanceType: 'ecs.gn7i-c32g1.8xlarge' }),
    ).toEqual({
      needed: true,
      why: 'Needs approval: 12 GPUs in total (4 × 3 replicas) is above the limit of 8.',
    });
    expect(
      needsApproval(rules, { gpuCount: 4, replicas: 2, instanceType: 'ecs.gn7i-c32g1.8xlarge' })
        .needed,
    ).toBe(false);
  });

  it('needs approval for a listed instance family whatever the count', () => {
    expect(
      needsApproval(rules, { gpuCount: 1, replicas: 1, instanceType: 'ecs.gn8v-c8g1.2xlarge' }),
    ).toEqual({
      needed: true,
      why: 'Needs approval: instance type ecs.gn8v-c8g1.2xlarge is in the ecs.gn8 family.',
    });
  });

  it('never needs approval when nothing is configured', () => {
    expect(
      needsApproval(
        { instanceFamilies: [] },
        { gpuCount: 8, replicas: 100, instanceType: 'ecs.gn8v' },
      ).needed,
    ).toBe(false);
  });
});

describe('the service-JSON hash', () => {
  it('ignores key order and whitespace but not values', () => {
    const a = hashServiceJson('{"a":1,"b":{"c":[1,2],"d":"x"}}');
    expect(hashServiceJson('{ "b": { "d": "x", "c": [1, 2] }, "a": 1 }')).toBe(a);
    expect(hashServiceJson('{"a":1,"b":{"c":[2,1],"d":"x"}}')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
