import type { Outcome } from './count-outcomes.js';
import type { Submission } from './drive-deployments.js';

/** The figures of one run, printed for the record and checked by the test. */
export interface RunFigures {
  readonly submitted: number;
  /** Acknowledged on the first press of Deploy. */
  readonly acknowledgedAtOnce: number;
  /** Refused with "submit again" at least once, then acknowledged on a later press. */
  readonly acknowledgedAfterResend: number;
  readonly neverAcknowledged: number;
  /** Acknowledged, created once, one summary in its thread, no failure there. */
  readonly deployedOnce: number;
  readonly duplicateCreates: number;
  /** Second parent messages or summaries (a failover lost the write that recorded the first). */
  readonly duplicateMessages: number;
  /** Acknowledged deployments whose thread has no summary. */
  readonly silent: number;
  readonly seconds: number;
  /** Each deployment that is not deployed exactly once, with what went wrong. */
  readonly problems: string[];
  /** The distinct refusals people read (deduplicated). */
  readonly refusals: string[];
  /** Each deployment with a second parent message: the parents' first lines. */
  readonly secondParents: string[];
}

/** Turns the submissions and what they left behind into the run's figures. */
export function summarizeRun(
  submissions: readonly Submission[],
  outcomes: ReadonlyMap<string, Outcome>,
  startedAt: number,
): RunFigures {
  const problems: string[] = [];
  let deployedOnce = 0;
  let duplicateCreates = 0;
  let duplicateMessages = 0;
  let silent = 0;
  for (const s of submissions) {
    if (!s.acknowledged) {
      problems.push(`${s.name}: never acknowledged (${s.refusals.at(-1) ?? 'no answer'})`);
      continue;
    }
    const o = outcomes.get(s.name);
    if (!o) continue;
    duplicateCreates += Math.max(0, o.creates - 1);
    duplicateMessages += Math.max(0, o.parents - 1) + Math.max(0, o.summaries - 1);
    if (o.summaries === 0) silent += 1;
    const once = o.creates === 1 && o.summaries === 1 && o.otherReplies.length === 0;
    if (once) deployedOnce += 1;
    else
      problems.push(
        `${s.name}: ${o.creates} creates, ${o.parents} parents, ${o.summaries} summaries, other replies: ${JSON.stringify(o.otherReplies)}`,
      );
  }
  const acknowledged = submissions.filter((s) => s.acknowledged);
  return {
    submitted: submissions.length,
    acknowledgedAtOnce: acknowledged.filter((s) => s.presses === 1).length,
    acknowledgedAfterResend: acknowledged.filter((s) => s.presses > 1).length,
    neverAcknowledged: submissions.length - acknowledged.length,
    deployedOnce,
    duplicateCreates,
    duplicateMessages,
    silent,
    seconds: Math.round((Date.now() - startedAt) / 1000),
    problems,
    refusals: [...new Set(submissions.flatMap((s) => s.refusals))],
    secondParents: [...outcomes]
      .filter(([, o]) => o.parents > 1)
      .map(([name, o]) => `${name}: ${o.parentLines.join(' | ')}`),
  };
}
