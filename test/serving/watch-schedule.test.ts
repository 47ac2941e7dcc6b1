import { describe, expect, it } from 'vitest';
import { checkOffset, countAllowedChecks, isLastCheck } from '../../src/serving/watch-schedule.js';

const DEFAULT = { firstMs: 5_000, capMs: 60_000, maxMs: 30 * 60_000 };

describe('the watch schedule', () => {
  it('checks after 5 s, then doubles the gap up to a minute', () => {
    const offsets = [0, 1, 2, 3, 4, 5, 6].map((i) => checkOffset(DEFAULT, i) / 1000);
    expect(offsets).toEqual([5, 15, 35, 75, 135, 195, 255]);
  });

  it('makes its last check exactly at EAS_WATCH_MAX', () => {
    const last = countAllowedChecks(DEFAULT) - 1;
    expect(checkOffset(DEFAULT, last)).toBe(DEFAULT.maxMs);
    expect(isLastCheck(DEFAULT, last)).toBe(true);
    expect(isLastCheck(DEFAULT, last - 1)).toBe(false);
  });

  it('allows about one describe a minute over the default 30 minutes', () => {
    // 5 quick checks in the first ~2 minutes, then one a minute until 30m.
    expect(countAllowedChecks(DEFAULT)).toBe(33);
  });

  it('allows a single check when the first one is already at the limit', () => {
    expect(countAllowedChecks({ firstMs: 10_000, capMs: 60_000, maxMs: 5_000 })).toBe(1);
  });
});
