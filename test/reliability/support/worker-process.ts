import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** A real `node dist/src/main.js worker` process, as production runs it. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote to stderr (one-line errors; logs go to stdout). */
  stderr(): string;
  stdout(): string;
  kill(signal: NodeJS.Signals): void;
}

const MAIN = join(process.cwd(), 'dist', 'src', 'main.js');

/** Quick stalled-job recovery (a killed worker's job is taken over within ~5 s), yet long enough that a live worker on a loaded 2-core box keeps its lock. */
export const FAST_RECOVERY = { EAS_LOCK_DURATION_MS: '4000', EAS_STALLED_INTERVAL_MS: '1000' };

/** Starts a worker process with exactly this environment (plus PATH and HOME). */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [MAIN, 'worker'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    exited,
    stderr: () => err,
    stdout: () => out,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

/** SIGKILLs every worker still running and waits until all have exited (a test file's clean-up). */
export async function killWorkers(workers: readonly WorkerProcess[]): Promise<void> {
  for (const w of workers) w.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.exited));
}
