import type { RateLimitOptions } from './rate-limits.js';
import type { CallArgs, MethodAnswer } from './standin-state.js';

/** One request the stand-in received: a Web API method, or `response_url` for a respond() post. */
export interface RecordedCall {
  readonly method: string;
  readonly args: CallArgs;
  readonly time: number;
  /** What the stand-in answered (ts of a posted message, view id, or the error). */
  readonly response?: MethodAnswer;
  /** 429 when the call was refused for its rate limit; absent for HTTP 200. */
  readonly status?: 429;
}

/** A failure to answer the next call of a method with. */
export type InjectedFailure = { error: string } | { status: 429; retryAfterSeconds: number };

/**
 * Slack's rules, all on by default: rate limits per method tier and per channel, triggers that
 * live 3 s. A test that studies something else may loosen one, and says so.
 */
export interface SlackRules {
  /** `false` turns rate limits off; `{ factor: 2 }` doubles every limit. */
  readonly rateLimits?: boolean | RateLimitOptions;
  readonly triggerTtlMs?: number;
}

export interface SlackStandInOptions {
  /** The only bot token accepted; default: any `xoxb-`/`xoxp-` token. */
  readonly token?: string;
  /** Channels where the bot is not a member (answers `not_in_channel`). */
  readonly notInChannel?: readonly string[];
  /** Channels that do not exist (answers `channel_not_found`). */
  readonly unknownChannels?: readonly string[];
  readonly usergroups?: Readonly<Record<string, readonly string[]>>;
  readonly rules?: SlackRules;
}
