import { stripVTControlCharacters } from 'node:util';
import { execa } from 'execa';

/** One finished CLI call; failures are values, not exceptions. Colour codes are already stripped. */
export interface CliResult {
  readonly args: readonly string[];
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** Spawn-level failure such as ENOENT (the executable is missing). */
  readonly spawnError?: string;
  readonly durationMs: number;
}

/** Who a call is made for: the audit trail names the deployment, the person or the purpose. */
export interface CallerTag {
  readonly deploymentId?: string;
  readonly userId?: string;
  /** What the call is for when no deployment is: `catalog`, `status`, `token`, `preflight`. */
  readonly purpose?: string;
}

export interface RunOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly caller?: CallerTag;
}

/** The seam to the aliyun CLI: the execa runner in production, a scripted one in engine tests. */
export interface CliRunner {
  run(args: readonly string[], options?: RunOptions): Promise<CliResult>;
}

/** What the runner reports after every call (the runtime wires it to the audit log and metrics). */
export type CliCallHook = (
  result: CliResult,
  caller: CallerTag | undefined,
) => void | Promise<void>;

export interface ExecaRunnerOptions {
  readonly executable: string;
  readonly env: Record<string, string>;
  readonly defaultTimeoutMs?: number;
  /** Called once per call, after it ended; a failing hook never changes the call's result. */
  readonly onCall?: CliCallHook;
}

/**
 * The only place that starts a process: argument arrays, never a shell, an explicit environment.
 * stdin is an empty pipe, never a character device, so the CLI never stops at its "[Y/n]" plugin
 * prompt (it asks only when stdin is one; /dev/null is one); NO_COLOR=1 keeps `ERROR:` plain and
 * any colour that still comes is stripped.
 */
export function createExecaCliRunner(options: ExecaRunnerOptions): CliRunner {
  const env = { ...options.env, NO_COLOR: '1' };
  return {
    async run(args, runOptions = {}) {
      const started = performance.now();
      const result = await execa(options.executable, [...args], {
        shell: false,
        extendEnv: false,
        env,
        reject: false,
        input: '',
        timeout: runOptions.timeoutMs ?? options.defaultTimeoutMs ?? 120_000,
        forceKillAfterDelay: 2_000,
        maxBuffer: 20_000_000,
        ...(runOptions.signal ? { cancelSignal: runOptions.signal } : {}),
      });
      const spawnError =
        result.exitCode === undefined && !result.timedOut ? result.code : undefined;
      const text = (x: unknown) => (typeof x === 'string' ? stripVTControlCharacters(x) : '');
      const finished: CliResult = {
        args,
        exitCode: result.exitCode,
        stdout: text(result.stdout),
        stderr: text(result.stderr),
        timedOut: result.timedOut,
        ...(spawnError ? { spawnError } : {}),
        durationMs: Math.round(performance.now() - started),
      };
      await Promise.resolve()
        .then(() => options.onCall?.(finished, runOptions.caller))
        .catch(() => undefined);
      return finished;
    },
  };
}
