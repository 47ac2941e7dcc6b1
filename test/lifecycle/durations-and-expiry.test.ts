import { describe, expect, it } from 'vitest';
import {
  expiresAtLabel,
  extendExpiry,
  formatExpiresAt,
  readExpiresAt,
} from '../../src/lifecycle/expiry.js';
import { formatDuration, parseLifetime } from '../../src/parse-duration.js';

const T0 = Date.parse('2026-05-01T10:00:00Z');

describe('lifetimes as people write them', () => {
  it.each([
    ['20s', 20_000],
    ['10m', 600_000],
    ['4h', 14_400_000],
    ['1d', 86_400_000],
    [' 7D ', 604_800_000],
  ])('reads %s', (text, ms) => {
    expect(parseLifetime(text)).toEqual({ never: false, ms });
  });

  it('reads never, and refuses zero, a year and more, units it does not know and words', () => {
    expect(parseLifetime('never')).toEqual({ never: true });
    for (const bad of ['0s', '400d', '3w', '1.5h', 'forever', '', '-1h']) {
      expect(parseLifetime(bad)).toBeUndefined();
    }
  });

  it.each([
    [20_000, '20s'],
    [605_000, '10m 5s'],
    [7_500_000, '2h 5m'],
    [86_399_000, '1d'],
    [97_200_000, '1d 3h'],
    [0, '0s'],
  ])('says %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('the expires-at label', () => {
  it('is the submission time plus the lifetime, in ISO-8601 UTC to the second, or never', () => {
    expect(expiresAtLabel(T0 + 123, { never: false, ms: 20_000 })).toBe('2026-05-01T10:00:20Z');
    expect(expiresAtLabel(T0, { never: true })).toBe('never');
    expect(formatExpiresAt(T0)).toBe('2026-05-01T10:00:00Z');
  });

  it('reads back what it wrote, never, and nothing else', () => {
    expect(readExpiresAt('2026-05-01T10:00:20Z')).toEqual({ never: false, at: T0 + 20_000 });
    expect(readExpiresAt('never')).toEqual({ never: true });
    for (const bad of [undefined, '', 'tomorrow', '2026-05-01', '2026-05-01T10:00:00+08:00']) {
      expect(readExpiresAt(bad)).toBeUndefined();
    }
  });

  it('extends from the old expiry while it is ahead, and from now once it has passed', () => {
    const ahead = { never: false as const, at: T0 + 3_600_000 };
    expect(extendExpiry(ahead, 20_000, T0)).toBe(T0 + 3_620_000);
    expect(extendExpiry({ never: false, at: T0 - 60_000 }, 20_000, T0)).toBe(T0 + 20_000);
    expect(extendExpiry(undefined, 20_000, T0)).toBe(T0 + 20_000);
  });
});
