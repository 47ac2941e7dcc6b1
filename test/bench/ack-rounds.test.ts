import { describe, expect, it } from 'vitest';
import type { AckPhaseResult } from '../../bench/ack-phase.js';
import { type AckRound, phaseOrder, summarizeRounds } from '../../bench/ack-rounds.js';

const phase = (p99: number): AckPhaseResult => ({
  ack: { count: 1000, p50: 0.4, p99, max: p99, mean: 0.5 },
  sent: 1000,
  failed: 0,
  viewsOpenMissing: 0,
  achievedRate: 500,
  maxSendLagMs: 1,
});
const round = (bot: number, bare: number, bareAgain: number): AckRound => ({
  bot: phase(bot),
  bare: phase(bare),
  bareAgain: phase(bareAgain),
});

describe('benchmark rounds', () => {
  it('rotates the phase order so no app always runs first', () => {
    expect(phaseOrder(0)).toEqual(['bot', 'bare', 'bareAgain']);
    expect(phaseOrder(1)).toEqual(['bare', 'bareAgain', 'bot']);
    expect(phaseOrder(2)).toEqual(['bareAgain', 'bot', 'bare']);
    expect(phaseOrder(3)).toEqual(phaseOrder(0));
  });

  it('reports the median round by bot/bare ratio, and both ratios per round in run order', () => {
    const rounds = [round(6, 2, 3), round(4, 2, 2), round(9, 1, 1.5)];
    const summary = summarizeRounds(rounds);
    expect(summary.ratios).toEqual([3, 2, 9]);
    expect(summary.aaRatios).toEqual([1.5, 1, 1.5]);
    expect(summary.medianRatio).toBe(3);
    expect(summary.median).toBe(rounds[0]);
  });

  it('takes the lower middle round of an even count, and refuses no rounds', () => {
    const rounds = [round(4, 2, 2), round(2, 2, 2)];
    expect(summarizeRounds(rounds).median).toBe(rounds[1]);
    expect(() => summarizeRounds([])).toThrow();
  });
});
