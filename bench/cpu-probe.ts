import { performance } from 'node:perf_hooks';

/**
 * Times a fixed piece of pure CPU work (ms, median of 3). These are shared virtual machines: if the
 * host's speed moves under the benchmark, the probes taken between phases disagree, and a latency
 * difference between the bot's phase and the bare app's may be the machine, not the code.
 */
export function probeCpuMs(): number {
  const runs = [0, 1, 2].map(() => {
    const started = performance.now();
    let sum = 0;
    for (let i = 0; i < 60_000_000; i += 1) sum += i % 7;
    if (sum < 0) throw new Error('unreachable'); // keeps the loop from being optimised away
    return performance.now() - started;
  });
  return runs.sort((a, b) => a - b)[1] ?? Number.NaN;
}
