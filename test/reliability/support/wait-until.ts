import { vi } from 'vitest';

/**
 * Waits (vi.waitFor) until `check` returns a value (not undefined/false), and returns it; past the
 * bound it throws, naming what it waited for.
 */
export function waitUntil<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  what = 'the condition',
  intervalMs = 20,
): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await check();
      if (value === undefined || value === false) throw new Error(`still waiting for ${what}`);
      return value;
    },
    { timeout: timeoutMs, interval: intervalMs },
  );
}
