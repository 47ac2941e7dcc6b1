import { describe, expect, it } from 'vitest';
import { ASK_AGAIN_MS, firstWake, planExpiry } from '../../src/lifecycle/plan-expiry.js';

const EXPIRY = Date.parse('2026-05-01T10:00:20Z');
const LABEL = '2026-05-01T10:00:20Z';
const base = {
  expiresAt: { never: false as const, at: EXPIRY },
  label: LABEL,
  running: true,
  remindBeforeMs: 10_000,
  ttlAction: 'stop' as const,
};

describe('the expiry schedule of one service', () => {
  it('sleeps until the reminder time, reminds once, then sleeps until expiry', () => {
    expect(planExpiry({ ...base, now: EXPIRY - 15_000 })).toEqual({
      act: 'none',
      wakeAt: EXPIRY - 10_000,
    });
    expect(planExpiry({ ...base, now: EXPIRY - 10_000 })).toEqual({
      act: 'remind',
      wakeAt: EXPIRY,
    });
    expect(planExpiry({ ...base, now: EXPIRY - 9_000, remindedFor: LABEL })).toEqual({
      act: 'none',
      wakeAt: EXPIRY,
    });
  });

  it('reminds again for a new expiry (Keep moved the label)', () => {
    const later = '2026-05-01T10:00:40Z';
    const step = planExpiry({
      ...base,
      expiresAt: { never: false, at: Date.parse(later) },
      label: later,
      remindedFor: LABEL,
      now: Date.parse(later) - 5_000,
    });
    expect(step.act).toBe('remind');
  });

  it('stops at expiry with EAS_TTL_ACTION=stop and ends', () => {
    expect(planExpiry({ ...base, now: EXPIRY, remindedFor: LABEL })).toEqual({ act: 'stop' });
  });

  it('asks again at expiry with EAS_TTL_ACTION=remind, then once a day, changing nothing', () => {
    const remind = { ...base, ttlAction: 'remind' as const };
    expect(planExpiry({ ...remind, now: EXPIRY })).toEqual({
      act: 'ask',
      wakeAt: EXPIRY + ASK_AGAIN_MS,
    });
    expect(planExpiry({ ...remind, now: EXPIRY + 1_000, askedAt: EXPIRY })).toEqual({
      act: 'none',
      wakeAt: EXPIRY + ASK_AGAIN_MS,
    });
  });

  it('neither reminds nor stops a stopped service, and ends at its expiry', () => {
    const stopped = { ...base, running: false };
    expect(planExpiry({ ...stopped, now: EXPIRY - 5_000 })).toEqual({
      act: 'none',
      wakeAt: EXPIRY,
    });
    expect(planExpiry({ ...stopped, now: EXPIRY })).toEqual({ act: 'none' });
  });

  it('has nothing to do for a service that never expires or whose label is unreadable', () => {
    expect(planExpiry({ ...base, expiresAt: { never: true }, now: EXPIRY })).toEqual({
      act: 'none',
    });
    expect(planExpiry({ ...base, expiresAt: undefined, now: EXPIRY })).toEqual({ act: 'none' });
    expect(firstWake({ never: true }, EXPIRY, 10_000)).toBeUndefined();
  });

  it('first wakes at the reminder time, or now when that has passed', () => {
    expect(firstWake(base.expiresAt, EXPIRY - 60_000, 10_000)).toBe(EXPIRY - 10_000);
    expect(firstWake(base.expiresAt, EXPIRY - 5_000, 10_000)).toBe(EXPIRY - 5_000);
  });
});
