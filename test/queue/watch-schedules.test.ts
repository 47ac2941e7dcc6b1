import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { watchSchedules } from '../../src/queue/watch-schedules.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';

const redis = connectRedis();
const prefixes: string[] = [];
afterAll(async () => {
  for (const p of prefixes) await deleteKeys(redis, p);
  redis.disconnect();
});

/** A watch on a fresh prefix whose rebuild is counted (and can be told it is busy). */
function watch(prefix: string, busy?: () => Promise<boolean>) {
  const rebuilds: number[] = [];
  const w = watchSchedules({
    redis,
    prefix,
    intervalMs: 100,
    retryMs: 20,
    logger: createLogger({ level: 'silent' }),
    rebuild: async () => {
      rebuilds.push(Date.now());
      return { scheduled: 0, problems: [] };
    },
    ...(busy ? { busy, maxDeferMs: 5_000 } : {}),
  });
  return { w, rebuilds };
}

describe('the watch over the expiry schedules', () => {
  it('rebuilds on a Redis without the marker, not on one that has it, and again once it is lost', async () => {
    const prefix = uniquePrefix('watch');
    prefixes.push(prefix);
    const first = watch(prefix);
    await first.w.ready;
    first.w.close();
    expect(first.rebuilds).toHaveLength(1);
    expect(await redis.exists(`${prefix}:lifecycle:schedules-rebuilt`)).toBe(1);

    const restarted = watch(prefix);
    await restarted.w.ready;
    expect(restarted.rebuilds).toHaveLength(0);
    await deleteKeys(redis, prefix);
    await expect.poll(() => restarted.rebuilds.length, { timeout: 30_000 }).toBe(1);
    restarted.w.close();
  });

  it('waits for the deployments to be quiet before it rebuilds', async () => {
    const prefix = uniquePrefix('watch');
    prefixes.push(prefix);
    let busy = true;
    let asked = 0;
    const quiet = watch(prefix, async () => {
      asked += 1;
      return busy;
    });
    // It has found the marker missing and asked several times whether deployments still run.
    await expect.poll(() => asked, { timeout: 30_000 }).toBeGreaterThan(3);
    expect(quiet.rebuilds).toHaveLength(0);
    busy = false;
    await quiet.w.ready;
    expect(quiet.rebuilds).toHaveLength(1);
    quiet.w.close();
  });
});
