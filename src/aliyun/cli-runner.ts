import { execa } from 'execa';

/** One finished CLI call; failures are values, not exceptions. */
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

export interface RunOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** The seam to the aliyun CLI: the execa runner in production, a scripted one in engine tests. */
export interface CliRunner {
  run(args: readonly string[], options?: RunOptions): Promise<CliResult>;
}

export interface ExecaRunnerOptions {
  readonly executable: string;
  readonly env: Record<string, string>;
  readonly defaultTimeoutMs?: number;
}

/** The only place that starts a process: argument arrays, never a shell, an explicit environment. */
export function createExecaCliRunner(options: ExecaRunnerOptions): CliRunner {
  return {
    async run(args, runOptions = {}) {
      const started = performance.now();
      const result = await execa(options.executable, [...args], {
        shell: false,
        extendEnv: false,
        env: options.env,
        reject: false,
        stdin: 'ignore',
        timeout: runOptions.timeoutMs ?? options.defaultTimeoutMs ?? 120_000,
        forceKillAfterDelay: 2_000,
        maxBuffer: 20_000_000,
        ...(runOptions.signal ? { cancelSignal: runOptions.signal } : {}),
      });
      const spawnError =
        result.exitCode === undefined && !result.timedOut ? result.code : undefined;
      return {
        args,
        exitCode: result.exitCode,
        stdout: typeof result.stdout === 'string' ? result.stdout : '',
        stderr: typeof result.stderr === 'string' ? result.stderr : '',
        timedOut: result.timedOut,
        ...(spawnError ? { spawnError } : {}),
        durationMs: Math.round(performance.now() - started),
      };
    },
  };
}
