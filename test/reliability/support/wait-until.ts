import { vi } from 'vitest';

const HANG_GUARD_MS = 90_000;

/**
 * Waits (vi.waitFor) until `check` returns a value (not undefined/false), and returns it; past the
 * bound it throws, naming what it waited for. The bound guards against a hang, never a speed: it is
 * at least HANG_GUARD_MS, as a loaded machine (another suite beside this one) runs a flow several
 * times slower.
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
    { timeout: Math.max(timeoutMs, HANG_GUARD_MS), interval: intervalMs },
  );
}
