import type { AckPhaseResult } from './ack-phase.js';

/**
 * One round of the open-loop comparison at one rate: the bot, bare Bolt, and bare Bolt again. The
 * second bare phase is the A/A control: two phases of the same app differ only by the machine's
 * noise, so bare/bare says how far apart two identical apps land in one run.
 */
export interface AckRound {
  readonly bot: AckPhaseResult;
  readonly bare: AckPhaseResult;
  readonly bareAgain: AckPhaseResult;
}

export interface AckRoundsSummary {
  /** The round whose bot/bare p99 ratio is the median (the lower middle one for an even count). */
  readonly median: AckRound;
  readonly medianRatio: number;
  /** bot p99 / bare p99, per round, in the order run. */
  readonly ratios: readonly number[];
  /** bare-again p99 / bare p99, per round: the spread of identical apps. */
  readonly aaRatios: readonly number[];
}

export type PhaseTarget = keyof AckRound;

/**
 * The order of the three phases in round `index`, rotated each round so that none of them always
 * runs first (after a pause) or last (after the most heat and garbage).
 */
export function phaseOrder(index: number): PhaseTarget[] {
  const order: PhaseTarget[] = ['bot', 'bare', 'bareAgain'];
  const shift = index % order.length;
  return [...order.slice(shift), ...order.slice(0, shift)];
}

const p99Ratio = (a: AckPhaseResult, b: AckPhaseResult): number => a.ack.p99 / b.ack.p99;

/** Reduces the rounds at one rate to the median round and both ratios per round. */
export function summarizeRounds(rounds: readonly AckRound[]): AckRoundsSummary {
  if (rounds.length === 0) throw new Error('no rounds to summarize');
  const ratios = rounds.map((r) => p99Ratio(r.bot, r.bare));
  const byRatio = rounds.map((round, i) => ({ round, ratio: ratios[i] ?? Number.NaN }));
  byRatio.sort((a, b) => a.ratio - b.ratio);
  const middle = byRatio[Math.floor((byRatio.length - 1) / 2)];
  if (!middle) throw new Error('no median round');
  return {
    median: middle.round,
    medianRatio: middle.ratio,
    ratios,
    aaRatios: rounds.map((r) => p99Ratio(r.bareAgain, r.bare)),
  };
}
