import type { RecordedCall } from './standin-options.js';

/** A call whose answer the stand-in withholds: `arrived` resolves when it came in. */
export interface HeldCall {
  readonly arrived: Promise<RecordedCall>;
  release(): void;
}

interface Hold {
  readonly method: string;
  readonly matches: (call: RecordedCall) => boolean;
  readonly arrive: (call: RecordedCall) => void;
  readonly released: Promise<void>;
}

/** The holds a test placed: `add` places one, `heldUntil` says when a call's answer may go out. */
export function createCallHolds() {
  const holds: Hold[] = [];
  return {
    add(method: string, matches: (call: RecordedCall) => boolean): HeldCall {
      let arrive: (call: RecordedCall) => void = () => {};
      let release: () => void = () => {};
      const arrived = new Promise<RecordedCall>((resolve) => {
        arrive = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.push({ method, matches, arrive, released });
      return { arrived, release };
    },
    /** Resolves when the answer to this call may go out (at once unless a hold matches it). */
    heldUntil(call: RecordedCall): Promise<void> | undefined {
      const index = holds.findIndex((h) => h.method === call.method && h.matches(call));
      const hold = holds[index];
      if (!hold) return undefined;
      holds.splice(index, 1);
      hold.arrive(call);
      return hold.released;
    },
  };
}
