import { execFile, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';

// A stand-in bot whose /healthz answers whatever the test sets.
let healthStatus = 200;
const bot = createServer((request, response) => {
  response.writeHead(request.url === '/healthz' ? healthStatus : 404).end();
});
await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
const port = (bot.address() as AddressInfo).port;
afterAll(() => new Promise<void>((resolve) => bot.close(() => resolve())));

/** Runs the Docker HEALTHCHECK command against the given port; returns its exit code. */
function runHealthcheck(onPort: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = execFile('node', ['docker/healthcheck.mjs'], {
      env: { PATH: process.env.PATH ?? '', PORT: String(onPort) },
      timeout: 10_000,
    });
    child.on('exit', (code) => resolve(code));
  });
}

describe('docker/healthcheck.mjs', () => {
  it('is healthy when /healthz answers 200', async () => {
    healthStatus = 200;
    expect(await runHealthcheck(port)).toBe(0);
  });

  it('is unhealthy when /healthz answers 503 (Redis down)', async () => {
    healthStatus = 503;
    expect(await runHealthcheck(port)).toBe(1);
  });

  it('is unhealthy when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const unused = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await runHealthcheck(unused)).toBe(1);
  });

  it('is plain JavaScript that node can parse without a build', () => {
    expect(spawnSync('node', ['--check', 'docker/healthcheck.mjs']).status).toBe(0);
  });
});
