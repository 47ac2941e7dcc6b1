/**
 * Slack's budgets, written once. Slack waits 3 s for the acknowledgement of a command, a view
 * submission or an option load; what the bot may spend of it on its own work before it answers
 * without that work:
 */
export const ACK_BUDGET_MS = 2_000;
/** The user-group question of the access check, which runs before a command's ack and views.open. */
export const MEMBERSHIP_BUDGET_MS = 1_500;
/** How late an open form is still updated with what was looked up after it opened (workspaces). */
export const UPDATE_BUDGET_MS = 10_000;

/**
 * Resolves with `work`'s answer, or `fallback(reason, error)` when it fails or is not done within
 * `ms`. `work` gets a signal that aborts at the deadline, so it can undo what arrives too late; a
 * failure after the deadline still reaches `fallback` (to be logged), its answer goes nowhere.
 */
export async function withinBudget<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
  fallback: (reason: 'late' | 'failed', error?: unknown) => T,
): Promise<T> {
  const deadline = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      deadline.abort();
      resolve(fallback('late'));
    }, ms);
  });
  const done = Promise.resolve()
    .then(() => work(deadline.signal))
    .catch((error: unknown) => fallback('failed', error));
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}
