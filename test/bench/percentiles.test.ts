import { describe, expect, it } from 'vitest';
import {
  countMaxOverlap,
  measureUnion,
  pickPercentile,
  summarizeLatencies,
} from '../../bench/percentiles.js';

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

  it('counts the most intervals open at once, touching ends not overlapping', () => {
    const intervals = [
      { start: 0, end: 10 },
      { start: 5, end: 15 },
      { start: 10, end: 20 },
      { start: 12, end: 13 },
    ];
    expect(countMaxOverlap(intervals)).toBe(3);
    expect(countMaxOverlap([])).toBe(0);
  });

  it('measures the time covered by overlapping and separate intervals', () => {
    const intervals = [
      { start: 0, end: 200 },
      { start: 10, end: 250 },
      { start: 300, end: 500 },
      { start: 600, end: 650 },
    ];
    expect(measureUnion(intervals)).toBe(250 + 200 + 50);
    expect(measureUnion([])).toBe(0);
  });
});
