import type { RecordedCall } from './standin-options.js';

/** Resolves with the first call (past or future) that matches, or rejects after timeoutMs. */
export function waitForCall(
  calls: readonly RecordedCall[],
  waiters: Set<(call: RecordedCall) => void>,
  predicate: (call: RecordedCall) => boolean,
  timeoutMs: number,
): Promise<RecordedCall> {
  const seen = calls.find(predicate);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`No matching Slack call within ${timeoutMs} ms`));
    }, timeoutMs);
    const check = (call: RecordedCall): void => {
      if (!predicate(call)) return;
      clearTimeout(timer);
      waiters.delete(check);
      resolve(call);
    };
    waiters.add(check);
  });
}
