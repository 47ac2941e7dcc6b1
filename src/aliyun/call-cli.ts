import type { z } from 'zod';
import { type CliError, parseCliError } from './cli-error.js';
import type { CliResult, CliRunner } from './cli-runner.js';
import { installPluginArgs, pluginForProduct } from './commands.js';

/** One call's answer: the parsed data, or the error as a value. */
export type CallResult<T> = { ok: true; data: T } | { ok: false; error: CliError };

/** What a call needs from outside: the runner and, for throttling backoff, a sleep tests can replace. */
export interface CallDeps {
  readonly cli: CliRunner;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly signal?: AbortSignal;
}

export interface CallOptions {
  /** create-service must not be repeated blindly after a timeout: the caller reconciles instead. */
  readonly retryOnTimeout?: boolean;
}

const THROTTLE_TRIES = 4;
const THROTTLE_BASE_MS = 500;

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Reads stdout as JSON; a broken plugin prints text instead, which counts as a missing plugin. */
function readJson(result: CliResult): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(result.stdout) };
  } catch {
    return { ok: false };
  }
}

async function runOnce<T>(
  deps: CallDeps,
  args: readonly string[],
  schema: z.ZodType<T>,
): Promise<CallResult<T>> {
  const result = await deps.cli.run(args, deps.signal ? { signal: deps.signal } : {});
  if (result.exitCode !== 0 || result.timedOut || result.spawnError) {
    return { ok: false, error: parseCliError(result) };
  }
  const json = readJson(result);
  if (!json.ok) {
    return {
      ok: false,
      error: { kind: 'plugin-missing', message: 'The CLI printed something that is not JSON.' },
    };
  }
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    return {
      ok: false,
      error: { kind: 'bad-output', message: `Unexpected answer from the CLI (${where}).` },
    };
  }
  return { ok: true, data: parsed.data };
}

/**
 * Runs one CLI call and parses it: a timeout is retried once with `--read-timeout 60`, a missing
 * plugin is installed and the call retried once, throttling backs off exponentially.
 */
export async function callCli<T>(
  deps: CallDeps,
  args: readonly string[],
  schema: z.ZodType<T>,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const sleep = deps.sleep ?? defaultSleep;
  let current = [...args];
  let timeoutRetried = false;
  let pluginInstalled = false;
  let throttled = 0;
  for (;;) {
    const answer = await runOnce(deps, current, schema);
    if (answer.ok) return answer;
    const { kind } = answer.error;
    if (kind === 'timeout' && options.retryOnTimeout !== false && !timeoutRetried) {
      timeoutRetried = true;
      current = current.includes('--read-timeout') ? current : [...current, '--read-timeout', '60'];
      continue;
    }
    const plugin = pluginForProduct(current[0]);
    if (kind === 'plugin-missing' && plugin && !pluginInstalled) {
      pluginInstalled = true;
      await deps.cli.run(installPluginArgs(plugin));
      continue;
    }
    if (kind === 'throttled' && throttled < THROTTLE_TRIES - 1) {
      await sleep(THROTTLE_BASE_MS * 2 ** throttled);
      throttled += 1;
      continue;
    }
    return answer;
  }
}
