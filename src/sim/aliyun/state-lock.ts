import { open, readFile, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const STALE_AFTER_MS = 10_000;
const GIVE_UP_AFTER_MS = 60_000;
const MAX_BACKOFF_MS = 25;

/** Whether a lock holder is gone: its pid is dead, or the lock is older than any real call. */
async function isStale(lockPath: string): Promise<boolean> {
  const info = await stat(lockPath).catch(() => undefined);
  if (!info) return false;
  if (Date.now() - info.mtimeMs > STALE_AFTER_MS) return true;
  const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
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
    if (attempt % 5 === 4 && (await isStale(lockPath))) await rm(lockPath, { force: true });
    // Backing off keeps a crowd of waiting processes from starving the holder of CPU.
    await sleep(Math.min(MAX_BACKOFF_MS, 2 * 1.5 ** Math.min(attempt, 10)) * (0.5 + Math.random()));
  }
}
