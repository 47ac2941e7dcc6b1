import type { ParsedArgs } from './parse-args.js';
import type { SimState } from './sim-state.js';
import type { SimFault } from './world-schema.js';

export interface KeyedFault {
  key: string;
  fault: SimFault;
}

/** World faults and ALIYUN_SIM_FAULTS, each with the counter key it keeps in the state. */
export function keyFaults(state: SimState, envFaults: readonly SimFault[]): KeyedFault[] {
  return [
    ...state.world.faults.map((fault, i) => ({ key: `world:${i}`, fault })),
    ...envFaults.map((fault) => ({ key: `env:${JSON.stringify(fault)}`, fault })),
  ];
}

/** The NLB plugin bug only bites create-service bodies that ask for an NLB. */
function asksForNlb(args: ParsedArgs): boolean {
  try {
    const body: unknown = JSON.parse(args.flags['biz-body'] ?? '');
    const networking = (body as { networking?: { nlb?: unknown } } | null)?.networking;
    return networking?.nlb !== undefined;
  } catch {
    return false;
  }
}

/** The first fault that applies to this call (and counts it), or undefined. Faults in order form a script. */
export function pickFault(
  state: SimState,
  faults: readonly KeyedFault[],
  args: ParsedArgs,
  region: string,
): SimFault | undefined {
  const op = `${args.product} ${args.operation}`;
  for (const { key, fault } of faults) {
    if (fault.op !== op && fault.op !== '*') continue;
    if (fault.region !== undefined && fault.region !== region) continue;
    if (fault.mode === 'nlb-bug' && !asksForNlb(args)) continue;
    const seen = state.faultCounts[key] ?? 0;
    if (fault.times !== undefined && seen >= fault.times) continue;
    state.faultCounts[key] = seen + 1;
    return fault;
  }
  return undefined;
}
