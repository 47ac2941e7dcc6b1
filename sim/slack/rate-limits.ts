/**
 * Slack's Web API rate limits, per method per workspace per app (docs.slack.dev "Rate limits";
 * tiers of each method from slackapi/java-slack-sdk MethodsRateLimits.java):
 *   Tier 1 "1+ per minute, a small amount of burst behavior is tolerated";
 *   Tier 2 "20+ per minute ... occasional bursts"; Tier 3 "50+ per minute ... sporadic bursts are
 *   welcome"; Tier 4 "100+ per minute ... generous burst behavior";
 *   chat.postMessage (special tier): "one message per second per channel ... short bursts >1 allowed".
 * Modelled as token buckets: a tier's bucket holds one minute's quota (the burst) and refills at
 * the per-minute rate; a channel's bucket for chat.postMessage holds 3 messages (a short burst)
 * and refills at one a second. An empty bucket answers HTTP 429 with `Retry-After` in seconds.
 * The stand-in uses the floor of each "N+" range, as an app must.
 */

/** Calls per minute of each tier (the floor of Slack's "N+ per minute"). */
export const TIER_PER_MINUTE = { 1: 1, 2: 20, 3: 50, 4: 100 } as const;
export type Tier = keyof typeof TIER_PER_MINUTE;

/** The tier of each method the bot uses (java-slack-sdk MethodsRateLimits; views.* per its docs). */
export const METHOD_TIER: Readonly<Record<string, Tier>> = {
  'apps.connections.open': 1,
  'usergroups.users.list': 2,
  'chat.update': 3,
  'conversations.open': 3,
  'conversations.history': 3,
  'chat.postEphemeral': 4,
  'chat.getPermalink': 4,
  'users.info': 4,
  'views.open': 4,
  'views.push': 4,
  'views.update': 4,
  'views.publish': 4,
};

/** chat.postMessage in one channel: a short burst, then one a second. */
export const CHANNEL_BURST = 3;
export const CHANNEL_PER_SECOND = 1;

export interface RateLimitOptions {
  /** Scales every limit (2 = twice Slack's); tests that study something else may loosen. */
  readonly factor?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Answers whether a call may go through now, or after how many seconds (Slack's Retry-After). */
export interface RateLimiter {
  check(team: string, method: string, channel?: string): { ok: true } | { retryAfter: number };
}

/** The stand-in's limiter: one bucket per workspace and method (and channel for posts). */
export function createRateLimiter(options: RateLimitOptions = {}, now = Date.now): RateLimiter {
  const factor = options.factor ?? 1;
  const buckets = new Map<string, Bucket>();
  const take = (key: string, capacity: number, perSecond: number): number => {
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  };
  return {
    check(team, method, channel) {
      let wait = 0;
      if (method === 'chat.postMessage' && channel) {
        wait = take(
          `${team}:${method}:${channel}`,
          CHANNEL_BURST * factor,
          CHANNEL_PER_SECOND * factor,
        );
      } else {
        const tier = METHOD_TIER[method];
        if (tier === undefined) return { ok: true };
        const perMinute = TIER_PER_MINUTE[tier] * factor;
        wait = take(`${team}:${method}`, Math.max(perMinute, 2), perMinute / 60);
      }
      return wait === 0 ? { ok: true } : { retryAfter: wait };
    },
  };
}
