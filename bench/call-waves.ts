import type { SimCall } from '../sim/aliyun/call-log.js';

/** A simulator call as the benchmark reads it: epoch ms when the simulator took it, and `product operation`. */
export interface TimedCall {
  readonly at: number;
  readonly op: string;
  readonly argv: readonly string[];
}

/** The simulator's call log with times as epoch ms, in time order. */
export function toTimedCalls(log: readonly SimCall[]): TimedCall[] {
  return log
    .map((c) => ({ at: Date.parse(c.at), op: `${c.argv[0]} ${c.argv[1]}`, argv: c.argv }))
    .sort((a, b) => a.at - b.at);
}

/**
 * Groups calls into waves that were in flight together: a call taken more than half the simulated
 * latency after the wave's first call starts a new wave. With latency L, waves × L is the critical path.
 */
export function groupWaves(calls: readonly TimedCall[], latencyMs: number): TimedCall[][] {
  const waves: TimedCall[][] = [];
  for (const call of calls) {
    const current = waves[waves.length - 1];
    const first = current?.[0];
    if (current && first && call.at - first.at <= latencyMs / 2) current.push(call);
    else waves.push([call]);
  }
  return waves;
}

/** True when the call names this service (a `--service-name` value or inside the create body). */
export function callNamesService(call: TimedCall, name: string): boolean {
  const pattern = new RegExp(`(^|[^a-z0-9_])${name}($|[^a-z0-9_])`);
  return call.argv.some((arg) => pattern.test(arg));
}
