import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { waitUntil } from './wait-until.js';

/** A redis-server of the test's own, with the append-only file fsynced on every write. */
export interface PrivateRedis {
  readonly url: string;
  /** SHUTDOWN (which persists) and wait for the process to end. */
  shutdown(): Promise<void>;
  /** Starts it again on the same port and directory. */
  restart(): Promise<void>;
  /** Shuts down if running and removes the directory. */
  destroy(): Promise<void>;
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Starts `redis-server --appendonly yes --appendfsync always` on a free port in a temp directory. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'eas-redis-'));
  const port = await findFreePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir];
    args.push('--appendonly', 'yes', '--appendfsync', 'always', '--save', '');
    child = spawn('redis-server', args, { stdio: 'ignore' });
    await waitUntil(() => answers(url), 10_000, 'redis-server to answer');
  };
  const shutdown = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    const admin = new Redis(url, { maxRetriesPerRequest: 0 });
    admin.on('error', () => {});
    await admin.shutdown().catch(() => {});
    admin.disconnect();
    await exited;
  };
  await start();
  return {
    url,
    shutdown,
    restart: start,
    async destroy() {
      await shutdown();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
