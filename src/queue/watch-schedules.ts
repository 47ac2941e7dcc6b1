import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

export interface ScheduleWatch {
  /** The first rebuild (at start) has finished, whatever its result. */
  readonly ready: Promise<void>;
  close(): void;
}

/**
 * Rebuilds the expiry schedules when a worker starts, and again whenever Redis has lost them: a
 * marker key is written after each rebuild, and a lost marker (a flushed or replaced Redis) means
 * lost schedules. One EXISTS per interval, never a read of every service.
 */
export function watchSchedules(options: {
  redis: Redis;
  prefix: string;
  intervalMs: number;
  rebuild: () => Promise<{ scheduled: number; problems: readonly string[] }>;
  logger: Logger;
}): ScheduleWatch {
  const marker = `${options.prefix}:lifecycle:schedules-rebuilt`;
  let running: Promise<void> | undefined;
  const rebuild = () => {
    running ??= options
      .rebuild()
      .then(async ({ scheduled, problems }) => {
        // A partial rebuild leaves the marker unset, so the next check tries again.
        if (problems.length === 0) await options.redis.set(marker, String(Date.now()));
        options.logger.info({ scheduled, problems }, 'expiry schedules rebuilt from the labels');
      })
      .catch((err: unknown) =>
        options.logger.warn({ err }, 'rebuilding the expiry schedules failed'),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const ready = rebuild();
  const timer = setInterval(() => {
    if (running) return;
    options.redis.exists(marker).then(
      (found) => (found ? undefined : rebuild()),
      () => undefined,
    );
  }, options.intervalMs);
  timer.unref();
  return {
    ready,
    close: () => clearInterval(timer),
  };
}
