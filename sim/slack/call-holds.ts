import type { RecordedCall } from './standin-options.js';

/** A call whose answer the stand-in withholds: `arrived` resolves when it came in. */
export interface HeldCall {
  readonly arrived: Promise<RecordedCall>;
  /** Lets the call go on: answered (and, when held before its effect, applied first). */
  release(): void;
  /**
   * A call held before its effect is never applied nor recorded, and its connection is cut: the
   * caller died with the request in flight and Slack never got it.
   */
  drop(): void;
}

interface Hold {
  readonly method: string;
  readonly beforeEffect: boolean;
  readonly matches: (call: RecordedCall) => boolean;
  readonly arrive: (call: RecordedCall) => void;
  readonly decided: Promise<'release' | 'drop'>;
}

/** The holds a test placed: `add` places one, `heldUntil` says when a call may go on. */
export function createCallHolds() {
  const holds: Hold[] = [];
  return {
    add(method: string, matches: (call: RecordedCall) => boolean, beforeEffect = false): HeldCall {
      let arrive: (call: RecordedCall) => void = () => {};
      let decide: (how: 'release' | 'drop') => void = () => {};
      const arrived = new Promise<RecordedCall>((resolve) => {
        arrive = resolve;
      });
      const decided = new Promise<'release' | 'drop'>((resolve) => {
        decide = resolve;
      });
      holds.push({ method, beforeEffect, matches, arrive, decided });
      return { arrived, release: () => decide('release'), drop: () => decide('drop') };
    },
    /**
     * Resolves with what to do with this call once a test decided (at once unless a hold of this
     * kind, before or after the call's effect, matches it).
     */
    heldUntil(call: RecordedCall, beforeEffect: boolean): Promise<'release' | 'drop'> | undefined {
      const index = holds.findIndex(
        (h) => h.beforeEffect === beforeEffect && h.method === call.method && h.matches(call),
      );
      const hold = holds[index];
      if (!hold) return undefined;
      holds.splice(index, 1);
      hold.arrive(call);
      return hold.decided;
    },
  };
}
