/** Runs the latest pending update at most once per interval per key; older pending updates are dropped. */
export interface UpdateCoalescer<T> {
  /** Queues `value` for `key`: runs now when the interval has passed, else once the interval ends. */
  push(key: string, value: T): void;
  /** Runs the pending update of `key` now (if any) and forgets the key. */
  flush(key: string): Promise<void>;
  /** Drops every pending update (shutdown). */
  clear(): void;
}

interface Slot<T> {
  lastRunAt: number;
  pending?: T;
  timer?: NodeJS.Timeout;
  running: Promise<void>;
}

/** Builds a coalescer around `run`; errors of `run` go to `onError`, never to the caller of push. */
export function createUpdateCoalescer<T>(
  run: (key: string, value: T) => Promise<void>,
  options: { intervalMs: number; now?: () => number; onError?: (error: unknown) => void },
): UpdateCoalescer<T> {
  const now = options.now ?? Date.now;
  const slots = new Map<string, Slot<T>>();

  const runPending = (key: string, slot: Slot<T>): Promise<void> => {
    slot.timer = undefined;
    if (slot.pending === undefined) return slot.running;
    const value = slot.pending;
    slot.pending = undefined;
    slot.lastRunAt = now();
    // Chain so that updates of one key never overtake each other.
    slot.running = slot.running
      .then(() => run(key, value))
      .catch((error: unknown) => options.onError?.(error));
    return slot.running;
  };

  return {
    push(key, value) {
      const slot = slots.get(key) ?? {
        lastRunAt: Number.NEGATIVE_INFINITY,
        running: Promise.resolve(),
      };
      slots.set(key, slot);
      slot.pending = value;
      if (slot.timer) return;
      const wait = slot.lastRunAt + options.intervalMs - now();
      if (wait <= 0) void runPending(key, slot);
      else slot.timer = setTimeout(() => void runPending(key, slot), wait);
    },
    async flush(key) {
      const slot = slots.get(key);
      if (!slot) return;
      clearTimeout(slot.timer);
      await runPending(key, slot);
      slots.delete(key);
    },
    clear() {
      for (const slot of slots.values()) clearTimeout(slot.timer);
      slots.clear();
    },
  };
}
