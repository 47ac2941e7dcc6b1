import { describe, expect, it } from 'vitest';
import { STEPS } from '../../src/deploy/steps.js';

describe('the step table', () => {
  it('has create as the only step that changes the cloud', () => {
    expect(STEPS.filter((s) => s.changesCloud).map((s) => s.id)).toEqual(['create']);
  });

  it('puts create after every read-only gate, and status and endpoints after create', () => {
    const create = STEPS.find((s) => s.id === 'create');
    expect(create?.dependsOn).toEqual([
      'workspace',
      'name',
      'image',
      'instance',
      'network',
      'resource-group',
    ]);
    const order = STEPS.map((s) => s.id);
    for (const step of STEPS) {
      for (const dep of step.dependsOn)
        expect(order.indexOf(dep)).toBeLessThan(order.indexOf(step.id));
    }
  });
});
