import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SimFault, SimWorldInput } from './world-schema.js';

/** Absolute path of bin/aliyun-sim, found from this module in src/ or in dist/. */
export function findSimExecutable(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'bin', 'aliyun-sim');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('bin/aliyun-sim not found above this module');
}

/** The state file of a simulated account kept in `dir`. */
export function simStatePath(dir: string): string {
  return join(dir, 'aliyun-sim-state.json');
}

export interface SimEnvOptions {
  /** A directory the caller owns (e.g. mkdtemp); the state and world files go there. */
  dir: string;
  /** A world; omitted = the built-in demo world. */
  world?: SimWorldInput;
  /** Faults for ALIYUN_SIM_FAULTS (merged with the world's). */
  faults?: SimFault[];
  latencyMs?: number;
  /** A serving host's address (serving-host.ts): Running services answer there. */
  servingUrl?: string;
}

/** Writes the world file and returns the ALIYUN_SIM_* variables one simulated account needs. */
export async function prepareSimEnv(options: SimEnvOptions): Promise<Record<string, string>> {
  const env: Record<string, string> = { ALIYUN_SIM_STATE: simStatePath(options.dir) };
  // A call server this process knows of (the test suite's) serves this account's calls too.
  if (process.env.ALIYUN_SIM_SERVER) env.ALIYUN_SIM_SERVER = process.env.ALIYUN_SIM_SERVER;
  const world = options.servingUrl
    ? await withServingUrl(options.world, options.servingUrl)
    : options.world;
  if (world) {
    env.ALIYUN_SIM_WORLD = join(options.dir, 'aliyun-sim-world.json');
    await writeFile(env.ALIYUN_SIM_WORLD, JSON.stringify(world));
  }
  if (options.faults) env.ALIYUN_SIM_FAULTS = JSON.stringify(options.faults);
  if (options.latencyMs !== undefined) env.ALIYUN_SIM_LATENCY_MS = String(options.latencyMs);
  return env;
}

/** The world (the demo one when none is given) with its Running services answering at `url`. */
async function withServingUrl(
  world: SimWorldInput | undefined,
  url: string,
): Promise<SimWorldInput> {
  const base = world ?? (await import('./demo-world.js')).buildDemoWorld();
  return { ...base, serving: { ...base.serving, url } };
}
