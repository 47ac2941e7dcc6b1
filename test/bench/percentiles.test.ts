import { describe, expect, it } from 'vitest';
import { pickPercentile, summarizeLatencies } from '../../bench/percentiles.js';

describe('benchmark percentiles', () => {
  it('picks the nearest-rank percentile of 1..100', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(pickPercentile(sorted, 50)).toBe(50);
    expect(pickPercentile(sorted, 99)).toBe(99);
    expect(pickPercentile(sorted, 100)).toBe(100);
  });

  it('summarizes unsorted samples with count, p50, p99, max and mean', () => {
    const summary = summarizeLatencies([5, 1, 4, 2, 3]);
    expect(summary).toEqual({ count: 5, p50: 3, p99: 5, max: 5, mean: 3 });
  });

  it('takes p99 of 1000 samples as the 990th smallest', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    expect(summarizeLatencies(samples).p99).toBe(990);
  });

  it('answers NaN for no samples', () => {
    expect(Number.isNaN(summarizeLatencies([]).p99)).toBe(true);
  });
});
