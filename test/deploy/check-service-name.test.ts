import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawPrefixedName } from '../../src/deploy/check-service-name.js';
import { SERVICE_NAME_PATTERN, SERVICE_PREFIX_PATTERN } from '../../src/deploy/deploy-spec.js';

describe('drawPrefixedName', () => {
  it('turns every valid prefix into a valid exact name: the prefix and 6 digits', () => {
    const prefix = fc
      .stringMatching(/^[a-z0-9_]{1,57}\*$/)
      .filter((p) => SERVICE_PREFIX_PATTERN.test(p));
    fc.assert(
      fc.property(prefix, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (p, r) => {
        const name = drawPrefixedName(p, () => r);
        expect(name).toMatch(SERVICE_NAME_PATTERN);
        expect(name.slice(0, -6)).toBe(p.slice(0, -1));
        expect(name.slice(-6)).toMatch(/^\d{6}$/);
      }),
    );
  });
});
