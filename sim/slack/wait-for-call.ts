/** Resolves with the first call (past or future) that matches, or rejects after timeoutMs. */
export function waitForCall<Call>(
  calls: readonly Call[],
  waiters: Set<(call: Call) => void>,
  predicate: (call: Call) => boolean,
  timeoutMs: number,
): Promise<Call> {
  const seen = calls.find(predicate);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`No matching Slack call within ${timeoutMs} ms`));
    }, timeoutMs);
    const check = (call: Call): void => {
      if (!predicate(call)) return;
      clearTimeout(timer);
      waiters.delete(check);
      resolve(call);
    };
    waiters.add(check);
  });
}
