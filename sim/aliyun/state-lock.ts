import { open, readFile, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const STALE_AFTER_MS = 10_000;
const GIVE_UP_AFTER_MS = 60_000;
const MAX_BACKOFF_MS = 25;

/** A live holder keeps the lock for milliseconds; only a lock this old can belong to a dead pid. */
const DEAD_HOLDER_MIN_AGE_MS = 1_000;

/** Whether the pid written in the lock is gone. */
async function holderIsDead(lockPath: string): Promise<boolean> {
  const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes the lock when its holder is gone (crashed, or the lock is older than any real call).
 * The holder of a fresh lock exits right after releasing it, so a dead pid alone proves nothing:
 * the lock must also be old, and it must still be the very file judged (same inode and mtime), or
 * a new holder's lock would be removed under it and two processes would write the state at once.
 */
async function reclaimIfStale(lockPath: string): Promise<void> {
  const judged = await stat(lockPath).catch(() => undefined);
  if (!judged) return;
  const age = Date.now() - judged.mtimeMs;
  const stale =
    age > STALE_AFTER_MS || (age > DEAD_HOLDER_MIN_AGE_MS && (await holderIsDead(lockPath)));
  if (!stale) return;
  const current = await stat(lockPath).catch(() => undefined);
  if (current?.ino === judged.ino && current.mtimeMs === judged.mtimeMs) {
    await rm(lockPath, { force: true });
  }
}

/** Runs `work` while holding `<statePath>.lock` (created with 'wx', so exactly one holder at a time). */
export async function withStateLock<T>(statePath: string, work: () => Promise<T>): Promise<T> {
  const lockPath = `${statePath}.lock`;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const handle = await open(lockPath, 'wx').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return undefined;
      throw error;
    });
    if (handle) {
      try {
        await handle.writeFile(String(process.pid));
        await handle.close();
        return await work();
      } finally {
        await rm(lockPath, { force: true });
      }
    }
    if (Date.now() - started > GIVE_UP_AFTER_MS) throw new Error(`state lock ${lockPath} is held`);
    // A crashed holder leaves its lock behind; reclaim it rather than wait forever.
    if (attempt % 5 === 4) await reclaimIfStale(lockPath);
    // Backing off keeps a crowd of waiting processes from starving the holder of CPU.
    await sleep(Math.min(MAX_BACKOFF_MS, 2 * 1.5 ** Math.min(attempt, 10)) * (0.5 + Math.random()));
  }
}
