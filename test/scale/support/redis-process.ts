import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';

/** One redis-server (or Sentinel) process of the test's own on a loopback port, stopped by its pid. */
export interface RedisProcess {
  readonly port: number;
  /** Starts it (again) from its config file and resolves once it answers PING. */
  start(): Promise<void>;
  /** kill -9: no shutdown, no last write, as a crashed machine. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit (clean-up). */
  stop(): Promise<void>;
  /** What it printed on stderr (its log goes to a file in its directory). */
  log(): string;
}

const running = new Set<ChildProcess>();
// A test that dies half-way must not leave servers on the shared machine.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Opens a short-lived admin connection that never retries (probes and admin commands). */
export function connectAdmin(port: number): Redis {
  const admin = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2_000,
  });
  admin.on('error', () => {});
  return admin;
}

/** Runs one command on the server at this port, or resolves undefined when it does not answer. */
export async function askServer(
  port: number,
  command: string,
  ...args: string[]
): Promise<unknown> {
  const admin = connectAdmin(port);
  try {
    await admin.connect();
    return await admin.call(command, ...args);
  } catch {
    return undefined;
  } finally {
    admin.disconnect();
  }
}

/** Polls until `check` is true; rejects naming `what` after timeoutMs. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** A process started as `redis-server <conf> [--sentinel]`. */
export function defineRedisProcess(port: number, confPath: string, sentinel = false): RedisProcess {
  let child: ChildProcess | undefined;
  let stderr = '';
  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => c.once('exit', () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    const c = child;
    if (!c) return;
    c.kill(name);
    await exited(c);
    running.delete(c);
    child = undefined;
  };
  return {
    port,
    async start() {
      const args = sentinel ? [confPath, '--sentinel'] : [confPath];
      const c = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
      c.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child = c;
      running.add(c);
      await waitFor(
        `redis-server on ${port}`,
        async () => (await askServer(port, 'PING')) === 'PONG',
        15_000,
      );
    },
    kill9: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    log: () => stderr,
  };
}
