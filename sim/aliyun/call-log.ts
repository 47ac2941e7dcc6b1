import { appendFile, readFile } from 'node:fs/promises';
import type { SimCall } from './sim-state.js';

export type { SimCall } from './sim-state.js';

/** Where the call log of a state file lives: beside it, one JSON line per call, so the state stays small. */
export function callLogPath(statePath: string): string {
  return `${statePath}.calls.jsonl`;
}

/** Appends one call; the caller holds the state lock, so lines never interleave. */
export async function appendCall(statePath: string, call: SimCall): Promise<void> {
  await appendFile(callLogPath(statePath), `${JSON.stringify(call)}\n`);
}

/** Every call the simulator answered with this state file, oldest first (empty if none yet). */
export async function readSimCallLog(statePath: string): Promise<SimCall[]> {
  const text = await readFile(callLogPath(statePath), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as SimCall);
}

/** The calls of one operation, e.g. filterSimCalls(log, 'eas create-service'). */
export function filterSimCalls(log: readonly SimCall[], operation: string): SimCall[] {
  const [product, op] = operation.split(' ');
  return log.filter((call) => {
    const words = call.argv.filter(
      (a, i) => !a.startsWith('--') && !call.argv[i - 1]?.startsWith('--'),
    );
    return words[0] === product && words[1] === op;
  });
}
