import { describe, expect, it } from 'vitest';
import { STEPS } from '../../src/deploy/steps.js';

describe('the step table', () => {
  it('has create as the only step that changes the cloud', () => {
    expect(STEPS.filter((s) => s.changesCloud).map((s) => s.id)).toEqual(['create']);
  });

  it('runs create only after every read-only step listed before it, and reads after create', () => {
    const at = STEPS.findIndex((s) => s.changesCloud);
    const create = STEPS[at];
    expect(create?.dependsOn).toEqual(STEPS.slice(0, at).map((s) => s.id));
    const order = STEPS.map((s) => s.id);
    for (const step of STEPS) {
      for (const dep of step.dependsOn)
        expect(order.indexOf(dep)).toBeLessThan(order.indexOf(step.id));
    }
    expect(STEPS.slice(at + 1).every((s) => s.dependsOn.length > 0)).toBe(true);
  });
});
