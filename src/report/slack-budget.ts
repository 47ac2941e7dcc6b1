import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Slack's Web API budget of this workspace, spent deliberately and shared by every deployment of
 * every process: each method's calls are counted in Redis (rate-limiter-flexible's
 * RateLimiterRedis: one atomic Lua INCR+PEXPIRE per call, so two worker processes and the bot
 * draw on the same counter). Limits are Slack's published floors (docs.slack.dev "Rate limits":
 * Tier 2 20, Tier 3 50, Tier 4 100 per minute; chat.postMessage one a second per channel), spent
 * in 3-second windows so the bot never leans on Slack's burst tolerance. When Redis is away an
 * in-process limiter of the same size stands in (insuranceLimiter), so messages still go out.
 */
const PER_MINUTE: Readonly<Record<string, number>> = {
  'usergroups.users.list': 20,
  'chat.update': 50,
  'conversations.open': 50,
  'conversations.history': 50,
  'chat.postEphemeral': 100,
  'chat.getPermalink': 100,
  'views.open': 100,
  'views.update': 100,
  'views.publish': 100,
};
const WINDOW_SECONDS = 3;
/** Progress edits may use at most this share of a method; the rest is kept for final states. */
const PROGRESS_SHARE = 0.4;

export interface SlackBudget {
  /** Waits until one call of `method` (into `channel`, for posts) fits, and spends it. */
  take(method: string, channel?: string): Promise<void>;
  /** Spends for a sheddable progress edit only if it fits now; else answers the ms to wait. */
  tryTakeForProgress(method: string): Promise<number>;
  /** Slack answered 429 anyway: every process holds this method (channel) off for `seconds`. */
  holdOff(method: string, channel: string | undefined, seconds: number): Promise<void>;
}

export interface SlackBudgetOptions {
  /** Redis shared by all processes; without it the budget is this process's alone (tests). */
  readonly redis?: Redis | Cluster;
  readonly prefix: string;
  /** The bot token: one token is one workspace's installation, so it names the budget. */
  readonly token: string;
}

type Limiter = RateLimiterRedis | RateLimiterMemory;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Builds the workspace's budget. */
export function createSlackBudget(options: SlackBudgetOptions): SlackBudget {
  const workspace = createHash('sha256').update(options.token).digest('hex').slice(0, 12);
  const limiters = new Map<string, Limiter>();
  const limiterFor = (name: string, points: number, duration: number): Limiter => {
    const known = limiters.get(name);
    if (known) return known;
    const shape = {
      points,
      duration,
      keyPrefix: `${options.prefix}:slack-budget:${workspace}:${name}`,
    };
    const memory = new RateLimiterMemory(shape);
    const limiter = options.redis
      ? new RateLimiterRedis({
          ...shape,
          storeClient: options.redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: memory,
        })
      : memory;
    limiters.set(name, limiter);
    return limiter;
  };
  /** The limiter and key of one call, or undefined when Slack does not limit the method. */
  const slot = (method: string, channel?: string): [Limiter, string] | undefined => {
    if (method === 'chat.postMessage') return [limiterFor(method, 1, 1), channel ?? '-'];
    const perMinute = PER_MINUTE[method];
    if (perMinute === undefined) return undefined;
    const points = Math.max(1, Math.floor((perMinute * WINDOW_SECONDS) / 60));
    return [limiterFor(method, points, WINDOW_SECONDS), 'all'];
  };
  const progressSlot = (method: string): [Limiter, string] => {
    const points = Math.floor(((PER_MINUTE[method] ?? 60) * PROGRESS_SHARE * WINDOW_SECONDS) / 60);
    return [limiterFor(`progress:${method}`, Math.max(1, points), WINDOW_SECONDS), 'all'];
  };
  /** 0 when spent, else how long until the window has room again. */
  const trySpend = async ([limiter, key]: [Limiter, string]): Promise<number> => {
    try {
      await limiter.consume(key);
      return 0;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(refusal.msBeforeNext, 1);
      throw refusal;
    }
  };

  return {
    async take(method, channel) {
      const found = slot(method, channel);
      if (!found) return;
      for (;;) {
        const wait = await trySpend(found);
        if (wait === 0) return;
        // A little jitter so the waiters of many processes do not all ask at the same instant.
        await sleep(wait + Math.floor(Math.random() * 50));
      }
    },
    async tryTakeForProgress(method) {
      const share = progressSlot(method);
      const waitShare = await trySpend(share);
      if (waitShare > 0) return waitShare;
      const found = slot(method);
      const wait = found ? await trySpend(found) : 0;
      if (wait > 0) await share[0].reward(share[1]).catch(() => undefined);
      return wait;
    },
    async holdOff(method, channel, seconds) {
      const found = slot(method, channel);
      if (found && seconds > 0) await found[0].block(found[1], seconds).catch(() => undefined);
    },
  };
}
