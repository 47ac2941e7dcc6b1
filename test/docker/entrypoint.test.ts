import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A fake `node` on PATH prints its pid, working directory and arguments instead of starting the bot.
const fakeBin = mkdtempSync(join(tmpdir(), 'fake-node-'));
writeFileSync(join(fakeBin, 'node'), '#!/bin/sh\necho "$$|$PWD|$*"\n');
chmodSync(join(fakeBin, 'node'), 0o755);

afterAll(() => rmSync(fakeBin, { recursive: true, force: true }));

/** Runs docker/entrypoint.sh as the container would, with the fake node first on PATH. */
function runEntrypoint(args: string[]) {
  const result = spawnSync('docker/entrypoint.sh', args, {
    env: { PATH: `${fakeBin}:${process.env.PATH ?? '/usr/bin:/bin'}` },
    encoding: 'utf8',
    timeout: 10_000,
  });
  const [pid, cwd, argv] = result.stdout.trim().split('|');
  return { status: result.status, stderr: result.stderr, pid: Number(pid), cwd, argv, result };
}

describe('docker/entrypoint.sh', () => {
  it('starts bot and worker together when no role is given', () => {
    const run = runEntrypoint([]);
    expect(run.status).toBe(0);
    expect(run.argv).toBe('dist/src/main.js all');
  });

  it.each([
    ['bot', 'dist/src/main.js bot'],
    ['worker', 'dist/src/main.js worker'],
    ['all', 'dist/src/main.js all'],
  ])('starts node with the %s role', (role, argv) => {
    const run = runEntrypoint([role]);
    expect(run.status).toBe(0);
    expect(run.argv).toBe(argv);
  });

  it('replaces itself with node so signals reach the app (same pid)', () => {
    const run = runEntrypoint(['worker']);
    expect(run.pid).toBe(run.result.pid);
  });

  it('runs from the application directory whatever the caller’s directory', () => {
    expect(runEntrypoint(['bot']).cwd).toBe(process.cwd());
  });

  it('refuses an unknown role with one line and exit code 64, without starting node', () => {
    const run = runEntrypoint(['deploy-everything']);
    expect(run.status).toBe(64);
    expect(run.result.stdout).toBe('');
    expect(run.stderr).toBe(
      "eas-deploy: unknown role 'deploy-everything' (use bot, worker or all)\n",
    );
  });

  it('refuses extra arguments instead of silently ignoring them', () => {
    const run = runEntrypoint(['bot', '--inspect']);
    expect(run.status).toBe(64);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
