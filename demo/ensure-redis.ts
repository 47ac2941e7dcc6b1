import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
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

/** Host and port of a plain redis:// URL; undefined for others (Sentinel, TLS), which are used as given. */
function readHostPort(url: string): { host: string; port: number } | undefined {
  if (!url.startsWith('redis://')) return undefined;
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 6379) };
}

/**
 * The Redis the demo uses: `REDIS_URL` when set; else the one on 127.0.0.1:6379 when it answers;
 * else a private, throw-away redis-server when one is installed; else one line on how to get one.
 */
export async function ensureRedis(redisUrl?: string): Promise<DemoRedis> {
  const none = { stop: async () => {} };
  if (redisUrl) {
    const target = readHostPort(redisUrl);
    if (target && !(await canConnect(target.host, target.port, 2_000)))
      throw new Error(
        `REDIS_URL=${redisUrl} does not answer: start that Redis, or unset REDIS_URL.`,
      );
    return { url: redisUrl, ...none };
  }
  if (await canConnect('127.0.0.1', 6379)) return { url: 'redis://127.0.0.1:6379', ...none };
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error(
      'No Redis answers on 127.0.0.1:6379 and redis-server is not installed: `apt-get install redis-server` (or `docker run -p 6379:6379 redis:7`), then run the demo again.',
    );
  }
  return startPrivateRedis();
}

/** A redis-server on a random loopback port that keeps nothing on disk; stop() ends it and removes its folder. */
async function startPrivateRedis(): Promise<DemoRedis> {
  const port = 16_379 + Math.floor(Math.random() * 1_000);
  const dir = mkdtempSync(join(tmpdir(), 'eas-demo-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child: ChildProcess = spawn('redis-server', [...args, '--dir', dir], { stdio: 'ignore' });
  const exited = once(child, 'exit');
  for (let i = 0; i < 100 && !(await canConnect('127.0.0.1', port)); i += 1) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
