import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DemoRedis {
  readonly url: string;
  stop(): Promise<void>;
}

/** Resolves true when something accepts TCP connections on host:port. */
export function canConnect(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Uses the Redis on 127.0.0.1:6379 when one answers; otherwise starts a private, throw-away
 * redis-server when it is installed; otherwise says in one line how to get one.
 */
export async function ensureRedis(): Promise<DemoRedis> {
  if (await canConnect('127.0.0.1', 6379))
    return { url: 'redis://127.0.0.1:6379', stop: async () => {} };
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error(
      'No Redis answers on 127.0.0.1:6379 and redis-server is not installed: `apt-get install redis-server` (or `docker run -p 6379:6379 redis:7`), then run the demo again.',
    );
  }
  const port = 16_379 + Math.floor(Math.random() * 1_000);
  const dir = mkdtempSync(join(tmpdir(), 'eas-demo-redis-'));
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50 && !(await canConnect('127.0.0.1', port)); i += 1) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
    },
  };
}
