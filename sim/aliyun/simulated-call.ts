import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { redactArgv } from '../../src/redact.js';
import { BUILTIN_PRODUCTS } from './builtin-op-table.js';
import { appendCall } from './call-log.js';
import { parseArgs } from './parse-args.js';
import { keyFaults } from './pick-fault.js';
import { renderResult } from './render-result.js';
import { runCall } from './run-call.js';
import { exitCodeOf } from './sim-result.js';
import { loadState, saveState } from './state-store.js';
import type { SimFault } from './world-schema.js';

/** What one call prints and how it exits, as the process would. */
export interface CallOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** The caller's process facts a call depends on, beyond its arguments and environment. */
export interface CallerIo {
  /** stdin is a character device (a terminal, or /dev/null): the real CLI prompts then. */
  readonly stdinIsCharDevice: boolean;
  /** Ends the latency's sleep early: a call server closing has nobody left to answer. */
  readonly signal?: AbortSignal;
}

/** ALIYUN_SIM_FAULTS, validated; zod is only loaded when the variable is set. */
async function readEnvFaults(text: string | undefined): Promise<SimFault[]> {
  if (!text) return [];
  const { SimFaults } = await import('./world-schema.js');
  const parsed = SimFaults.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`ALIYUN_SIM_FAULTS is not a list of faults: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * The latency is slept after the call took effect (tests kill workers between the two). With
 * ALIYUN_SIM_CALL_STARTED_MS (epoch ms, set by a caller that times calls, the benchmark) it is the
 * whole call's instead, as a person times the real CLI, a Go binary that starts in a few ms: this
 * Node process's own start-up is then part of it, not added to it.
 */
function delayOf(latencyMs: number, startedAt: string | undefined): number {
  const started = Number(startedAt);
  return startedAt && Number.isFinite(started)
    ? Math.max(0, started + latencyMs - Date.now())
    : latencyMs;
}

/** One holder of the state at a time, across processes; a crashed holder's lock goes stale. */
const LOCK_OPTIONS = {
  realpath: false,
  stale: 10_000,
  retries: { retries: 3_000, factor: 1.2, minTimeout: 2, maxTimeout: 25, randomize: true },
};

async function simulate(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CallerIo,
): Promise<CallOutput> {
  const statePath = env.ALIYUN_SIM_STATE || join(tmpdir(), 'aliyun-sim-state.json');
  const envFaults = await readEnvFaults(env.ALIYUN_SIM_FAULTS);
  const args = parseArgs(argv);
  const requestId = crypto.randomUUID().toUpperCase();
  const release = await lockfile.lock(statePath, LOCK_OPTIONS);
  let planned: ReturnType<typeof runCall>;
  try {
    const state = await loadState(statePath, env.ALIYUN_SIM_WORLD || undefined);
    planned = runCall(state, args, {
      faults: keyFaults(state, envFaults),
      latencyMs: Number(env.ALIYUN_SIM_LATENCY_MS ?? 0) || 0,
      defaultRegion: env.ALIBABA_CLOUD_REGION_ID || undefined,
      stdinIsCharDevice: io.stdinIsCharDevice,
      autoInstall: env.ALIBABA_CLOUD_CLI_PLUGIN_AUTO_INSTALL === 'true',
      now: Date.now(),
    });
    await saveState(statePath, state);
    await appendCall(statePath, {
      at: new Date().toISOString(),
      argv: redactArgv(argv),
      exitCode: exitCodeOf(planned.result),
    });
  } finally {
    await release();
  }
  if (planned.delayMs > 0) {
    const delay = delayOf(planned.delayMs, env.ALIYUN_SIM_CALL_STARTED_MS);
    await sleep(delay, undefined, io.signal ? { signal: io.signal } : {}).catch(() => undefined);
  }
  const noColor = env.NO_COLOR === '1' || env.NO_COLOR === 'true';
  const out = renderResult(planned.result, {
    route: planned.route,
    requestId,
    color: !noColor,
    product: BUILTIN_PRODUCTS[args.product] ?? args.product,
  });
  return { stdout: out.stdout, stderr: planned.before + out.stderr, exitCode: out.exitCode };
}

/**
 * Runs one simulated `aliyun` call against the state file its environment names. A broken
 * simulator (a bad world file, bad faults) exits 1 with an `ERROR:` line, as the CLI fails.
 */
export async function simulateCall(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CallerIo,
): Promise<CallOutput> {
  try {
    return await simulate(argv, env, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `ERROR: aliyun-sim: ${message}\n`, exitCode: 1 };
  }
}
