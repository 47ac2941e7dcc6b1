import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { redactArgv } from '../../src/redact.js';
import { appendCall } from './call-log.js';
import { parseArgs } from './parse-args.js';
import { keyFaults } from './pick-fault.js';
import { renderResult } from './render-result.js';
import { runCall } from './run-call.js';
import { exitCodeOf } from './sim-result.js';
import { withStateLock } from './state-lock.js';
import { loadState, saveState } from './state-store.js';
import type { SimFault } from './world-schema.js';

/** ALIYUN_SIM_FAULTS, validated; zod is only loaded when the variable is set. */
async function readEnvFaults(text: string | undefined): Promise<SimFault[]> {
  if (!text) return [];
  const { SimFaults } = await import('./world-schema.js');
  const parsed = SimFaults.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`ALIYUN_SIM_FAULTS is not a list of faults: ${parsed.error.message}`);
  return parsed.data;
}

/** Runs one simulated `aliyun` call and returns its exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const statePath = env.ALIYUN_SIM_STATE || join(tmpdir(), 'aliyun-sim-state.json');
  const envFaults = await readEnvFaults(env.ALIYUN_SIM_FAULTS);
  const args = parseArgs(argv);
  const requestId = crypto.randomUUID().toUpperCase();
  const planned = await withStateLock(statePath, async () => {
    const state = await loadState(statePath, env.ALIYUN_SIM_WORLD || undefined);
    const plan = runCall(state, args, {
      faults: keyFaults(state, envFaults),
      latencyMs: Number(env.ALIYUN_SIM_LATENCY_MS ?? 0) || 0,
      defaultRegion: env.ALIBABA_CLOUD_REGION_ID || undefined,
      now: Date.now(),
    });
    await saveState(statePath, state);
    await appendCall(statePath, {
      at: new Date().toISOString(),
      argv: redactArgv(argv),
      exitCode: exitCodeOf(plan.result),
    });
    return plan;
  });
  if (planned.delayMs > 0) await sleep(planned.delayMs);
  const out = renderResult(planned.result, requestId);
  if (out.stdout) process.stdout.write(out.stdout);
  if (out.stderr) process.stderr.write(out.stderr);
  return out.exitCode;
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `ERROR: aliyun-sim: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
