import type { SlackBudget } from './slack-budget.js';

const retryAfterOf = (error: unknown): number | undefined => {
  const e = error as { code?: string; retryAfter?: number } | undefined;
  return e?.code === 'slack_webapi_rate_limited_error' ? (e.retryAfter ?? 1) : undefined;
};

/**
 * Spends the shared budget on one Slack call. A 429 Slack answers anyway is counted and holds the
 * method off for every process (the Web API client is told to reject rate-limited calls, so the
 * wait is the budget's, shared through Redis), then the call is tried again up to `retries` times.
 */
export function createSpender(budget: SlackBudget, retries: number) {
  let rateLimited = 0;
  /** True when `error` was a 429, now waited out by everyone; false for any other error. */
  const holdOffAfter = async (method: string, channel: string | undefined, error: unknown) => {
    const seconds = retryAfterOf(error);
    if (seconds === undefined) return false;
    rateLimited += 1;
    await budget.holdOff(method, channel, seconds);
    return true;
  };
  const spend = async <T>(method: string, channel: string | undefined, run: () => Promise<T>) => {
    for (let attempt = 0; ; attempt += 1) {
      await budget.take(method, channel);
      try {
        return await run();
      } catch (error) {
        if (attempt >= retries || !(await holdOffAfter(method, channel, error))) throw error;
      }
    }
  };
  return {
    spend,
    holdOffAfter,
    get rateLimited() {
      return rateLimited;
    },
  };
}

/** Runs the tasks of one key one after another (edits of one message: a final edit is never overtaken). */
export function createKeyedChains() {
  const chains = new Map<string, Promise<void>>();
  return (key: string, run: () => Promise<void>): Promise<void> => {
    const done = (chains.get(key) ?? Promise.resolve()).then(run);
    const tail = done.catch(() => undefined);
    chains.set(key, tail);
    void tail.then(() => chains.get(key) === tail && chains.delete(key));
    return done;
  };
}
