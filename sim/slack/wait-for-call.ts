import type { RecordedCall } from './standin-options.js';

/**
 * A wait's bound guards against a hang, never a speed: at least this long, as a loaded machine
 * (another suite beside this one) runs a flow several times slower.
 */
const HANG_GUARD_MS = 60_000;

/** Resolves with the first call (past or future) that matches, or rejects after the bound. */
export function waitForCall(
  calls: readonly RecordedCall[],
  waiters: Set<(call: RecordedCall) => void>,
  predicate: (call: RecordedCall) => boolean,
  timeoutMs: number,
): Promise<RecordedCall> {
  const bound = Math.max(timeoutMs, HANG_GUARD_MS);
  const seen = calls.find(predicate);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`No matching Slack call within ${bound} ms`));
    }, bound);
    const check = (call: RecordedCall): void => {
      if (!predicate(call)) return;
      clearTimeout(timer);
      waiters.delete(check);
      resolve(call);
    };
    waiters.add(check);
  });
}
