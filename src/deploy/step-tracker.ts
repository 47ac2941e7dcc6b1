import type { EngineContext } from './engine-context.js';
import type { Journal } from './journal.js';
import type { StepRecord, StepStatus } from './outcome.js';
import { STEPS, type StepId } from './steps.js';

/** The result of one step as a value. */
export type StepResult =
  | { status: 'passed'; detail: string }
  | { status: 'blocked'; reason: string }
  | { status: 'failed'; reason: string; error?: string }
  | { status: 'skipped'; detail: string };

export interface StepTracker {
  start(id: StepId): Promise<void>;
  finish(id: StepId, result: StepResult): Promise<void>;
  readonly steps: readonly StepRecord[];
}

const detailOf = (r: StepResult): string =>
  r.status === 'passed' || r.status === 'skipped' ? r.detail : r.reason;

/** Keeps the checklist (all steps, in table order) in the journal and reports it on every change. */
export function createStepTracker(ctx: EngineContext, journal: Journal): StepTracker {
  const now = ctx.now ?? Date.now;
  const records = new Map<string, StepRecord>(
    STEPS.map((s) => [
      s.id,
      { id: s.id, title: s.title, status: 'skipped' as StepStatus, detail: '' },
    ]),
  );
  for (const old of journal.steps) if (records.has(old.id)) records.set(old.id, old);
  const touched = new Set<string>();
  const publish = async (): Promise<void> => {
    const list = STEPS.map((s) => records.get(s.id)).filter(
      (r): r is StepRecord => r !== undefined,
    );
    journal.steps = list.filter((r) => touched.has(r.id) || r.finishedAt !== undefined);
    await ctx.onProgress(journal.steps.map((r) => ({ ...r })));
  };
  return {
    async start(id) {
      const old = records.get(id);
      touched.add(id);
      records.set(id, {
        id,
        title: old?.title ?? id,
        status: 'running',
        detail: '',
        startedAt: now(),
      });
      await publish();
    },
    async finish(id, result) {
      const old = records.get(id);
      touched.add(id);
      records.set(id, {
        id,
        title: old?.title ?? id,
        status: result.status,
        detail: detailOf(result),
        ...(old?.startedAt !== undefined ? { startedAt: old.startedAt } : {}),
        finishedAt: now(),
      });
      await publish();
    },
    get steps() {
      return journal.steps;
    },
  };
}
