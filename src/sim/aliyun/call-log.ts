import { readFile } from 'node:fs/promises';
import type { SimCall, SimState } from './sim-state.js';

export type { SimCall } from './sim-state.js';

/** Every call the simulator answered with this state file, oldest first (empty if none yet). */
export async function readSimCallLog(statePath: string): Promise<SimCall[]> {
  const text = await readFile(statePath, 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  return (JSON.parse(text) as SimState).calls;
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
