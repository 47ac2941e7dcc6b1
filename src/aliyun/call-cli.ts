import type { z } from 'zod';
import { type CliError, isTransient, parseCliError } from './cli-error.js';
import type { CallerTag, CliResult, CliRunner } from './cli-runner.js';

/** One call's answer: the parsed data, or the error as a value. */
export type CallResult<T> = { ok: true; data: T } | { ok: false; error: CliError };

/** What a call needs from outside: the runner, who it is for, and a sleep tests can replace. */
export interface CallDeps {
  readonly cli: CliRunner;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly signal?: AbortSignal;
  /** Named in the audit entry of every call. */
  readonly caller?: CallerTag;
}

export interface CallOptions {
  /**
   * false for create-service: a call that changes the cloud is never repeated blindly after a
   * network error (it may have landed); the caller reconciles (describe, request-id label)
   * instead. Throttling refused the call outright, so it is still tried again.
   */
  readonly idempotent?: boolean;
}

const TRIES = 4;
const BASE_DELAY_MS = 500;

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Reads stdout as JSON; a broken plugin prints text instead. */
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
  const result = await deps.cli.run(args, {
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.caller ? { caller: deps.caller } : {}),
  });
  if (result.exitCode !== 0 || result.timedOut || result.spawnError) {
    return { ok: false, error: parseCliError(result) };
  }
  const json = readJson(result);
  if (!json.ok) {
    const head = result.stdout.trim().split('\n')[0]?.slice(0, 120) ?? '';
    return {
      ok: false,
      error: { kind: 'bad-output', message: `The CLI printed something that is not JSON: ${head}` },
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
 * Runs one CLI call and parses it. A read that meets a network error or throttling is tried again
 * with exponential backoff (up to four tries); a call that is not idempotent only after throttling.
 */
export async function callCli<T>(
  deps: CallDeps,
  args: readonly string[],
  schema: z.ZodType<T>,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const sleep = deps.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    const answer = await runOnce(deps, args, schema);
    if (answer.ok || attempt >= TRIES || deps.signal?.aborted) return answer;
    const { kind } = answer.error;
    const again = options.idempotent === false ? kind === 'throttled' : isTransient(answer.error);
    if (!again) return answer;
    await sleep(BASE_DELAY_MS * 2 ** (attempt - 1));
  }
}
