import type { ExpiresAt } from './expiry.js';

/** What the expiry job knows when it wakes: the label, what it already did, the service's state. */
export interface ExpiryInput {
  readonly expiresAt: ExpiresAt | undefined;
  /** The expires-at label value of the last reminder sent, so one expiry is reminded once. */
  readonly remindedFor?: string;
  /** The label value as read now (compared with remindedFor). */
  readonly label: string;
  /** When the owner was last asked after expiry (EAS_TTL_ACTION=remind). */
  readonly askedAt?: number;
  /** True while the service runs or is on its way to running (costs money). */
  readonly running: boolean;
  readonly now: number;
  readonly remindBeforeMs: number;
  readonly ttlAction: 'stop' | 'remind';
}

/** One thing to do now, and when to wake next (undefined: the schedule ends). */
export interface ExpiryStep {
  readonly act: 'none' | 'remind' | 'stop' | 'ask';
  readonly wakeAt?: number;
}

/** After expiry with EAS_TTL_ACTION=remind the owner is asked again once a day. */
export const ASK_AGAIN_MS = 86_400_000;

/** The expiry job's decision, from the cloud's label alone: never a poll, one wake-up at a time. */
export function planExpiry(input: ExpiryInput): ExpiryStep {
  const { expiresAt, now } = input;
  if (!expiresAt || expiresAt.never) return { act: 'none' };
  const remindAt = expiresAt.at - input.remindBeforeMs;
  if (now < expiresAt.at) {
    if (now < remindAt) return { act: 'none', wakeAt: remindAt };
    const remind = input.running && input.remindedFor !== input.label;
    return { act: remind ? 'remind' : 'none', wakeAt: expiresAt.at };
  }
  // A stopped service costs nothing; a later start sets a new expiry and schedule.
  if (!input.running) return { act: 'none' };
  if (input.ttlAction === 'stop') return { act: 'stop' };
  if (input.askedAt !== undefined && now - input.askedAt < ASK_AGAIN_MS) {
    return { act: 'none', wakeAt: input.askedAt + ASK_AGAIN_MS };
  }
  return { act: 'ask', wakeAt: now + ASK_AGAIN_MS };
}

/** When a new or changed schedule first wakes: at the reminder time, or now when that has passed. */
export function firstWake(
  expiresAt: ExpiresAt | undefined,
  now: number,
  remindBeforeMs: number,
): number | undefined {
  if (!expiresAt || expiresAt.never) return undefined;
  return Math.max(now, expiresAt.at - remindBeforeMs);
}
