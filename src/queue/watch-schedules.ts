import type { Logger } from '../logger.js';
import type { RedisClient } from './redis-connection.js';

export interface ScheduleWatch {
  /** The first check (at start) has finished, and its rebuild when one was needed. */
  readonly ready: Promise<void>;
  close(): void;
}

export interface ScheduleWatchOptions {
  readonly redis: RedisClient;
  readonly prefix: string;
  readonly intervalMs: number;
  readonly rebuild: () => Promise<{ scheduled: number; problems: readonly string[] }>;
  readonly logger: Logger;
  /** True while deployments wait or run: the rebuild (a ListServices per region) waits for quiet. */
  readonly busy?: () => Promise<boolean>;
  /** How long a needed rebuild may wait for quiet; default intervalMs. */
  readonly maxDeferMs?: number;
  /** How often a deferred rebuild asks again whether it is quiet. */
  readonly retryMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Rebuilds the expiry schedules from the labels whenever Redis has lost them — checked when a
 * worker starts and then every interval: a marker key is written after each full rebuild, and a
 * missing marker (a new, flushed or replaced Redis) means missing schedules. A worker that starts
 * on an intact Redis finds the marker and its schedules waiting. One EXISTS per check, never a
 * read of every service; a rebuild waits (bounded) until no deployment is waiting or running, so
 * its CLI calls never crowd a person's deployment.
 */
export function watchSchedules(options: ScheduleWatchOptions): ScheduleWatch {
  const marker = `${options.prefix}:lifecycle:schedules-rebuilt`;
  const maxDeferMs = options.maxDeferMs ?? options.intervalMs;
  let closed = false;
  let running: Promise<void> | undefined;

  const waitForQuiet = async () => {
    const until = Date.now() + maxDeferMs;
    while (!closed && Date.now() < until && (await options.busy?.().catch(() => false))) {
      await sleep(options.retryMs ?? 1_000);
    }
  };
  const rebuild = async () => {
    await waitForQuiet();
    if (closed) return;
    const { scheduled, problems } = await options.rebuild();
    // A partial rebuild leaves the marker unset, so the next check tries again.
    if (problems.length === 0) await options.redis.set(marker, String(Date.now()));
    options.logger.info({ scheduled, problems }, 'expiry schedules rebuilt from the labels');
  };
  const check = (): Promise<void> => {
    running ??= options.redis
      .exists(marker)
      .then((found) => (found ? undefined : rebuild()))
      .catch((err: unknown) =>
        options.logger.warn({ err }, 'rebuilding the expiry schedules failed'),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const ready = check();
  const timer = setInterval(() => void check(), options.intervalMs);
  timer.unref();
  return {
    ready,
    close: () => {
      closed = true;
      clearInterval(timer);
    },
  };
}
