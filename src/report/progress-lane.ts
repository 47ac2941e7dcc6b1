/**
 * The lane of sheddable edits (progress checklists, status lines): one pending state per message,
 * the newest; a new state replaces the waiting one (the older is shed, never sent). One pump per
 * process sends the message that has waited longest whenever the budget allows, so deployments
 * share the budget fairly and a burst of steps costs one edit, not one per step.
 */
export interface ProgressLane<T> {
  /** Queues `state` as the message's next edit, replacing (shedding) one still waiting. */
  push(key: string, state: T): void;
  /** Forgets the message's waiting state: its final state goes another way. */
  drop(key: string): void;
  /** How many states were replaced or dropped before they were sent. */
  readonly shed: number;
  /** Drops every waiting state and stops (shutdown). */
  close(): void;
}

export interface ProgressLaneDeps<T> {
  /** Spends the budget for one edit now (0), or answers how many ms to wait. */
  tryTake(): Promise<number>;
  send(key: string, state: T): Promise<void>;
  onError(error: unknown): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Builds the lane; `send` errors go to `onError`, never to the caller of push. */
export function createProgressLane<T>(deps: ProgressLaneDeps<T>): ProgressLane<T> {
  // A Map keeps insertion order and `set` on a waiting key keeps its place: oldest first.
  const pending = new Map<string, T>();
  let pumping = false;
  let closed = false;
  let shed = 0;

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (!closed && pending.size > 0) {
        const wait = await deps.tryTake().catch((error: unknown) => {
          deps.onError(error);
          return 1_000;
        });
        if (wait > 0) {
          await sleep(wait);
          continue;
        }
        const next = pending.entries().next().value;
        if (!next) break;
        const [key, state] = next;
        pending.delete(key);
        deps.send(key, state).catch(deps.onError);
      }
    } finally {
      pumping = false;
    }
  };

  return {
    push(key, state) {
      if (closed) return;
      if (pending.has(key)) shed += 1;
      pending.set(key, state);
      void pump();
    },
    drop(key) {
      if (pending.delete(key)) shed += 1;
    },
    get shed() {
      return shed;
    },
    close() {
      closed = true;
      pending.clear();
    },
  };
}
