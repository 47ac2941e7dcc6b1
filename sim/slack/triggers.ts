import { randomBytes } from 'node:crypto';

/**
 * Trigger ids as Slack hands them out with each interaction: "132456.7890123.abcdef" (the format
 * views.open's `invalid_trigger_id` names). The stand-in's carry the time they were issued (ms) in
 * the first part, so it can tell when one expired: Slack takes a trigger_id "within 3 seconds of
 * receiving it" (bolt-js docs, creating-modals.md) and only once (`exchanged_trigger_id`).
 */
export const TRIGGER_TTL_MS = 3_000;
const FORMAT = /^(\d+)\.(\d+)\.([0-9a-f]+)$/;

let counter = 0;
/** A fresh trigger_id, issued now, as Slack gives one per interaction. */
export const nextTriggerId = (issuedAt = Date.now()): string =>
  `${issuedAt}.${++counter}.${randomBytes(4).toString('hex')}`;

/** Slack's error for exchanging this trigger now, or undefined when it may be exchanged. */
export function checkTrigger(
  trigger: string | undefined,
  used: ReadonlySet<string>,
  ttlMs: number,
  now = Date.now(),
): string | undefined {
  const issuedAt = Number(FORMAT.exec(trigger ?? '')?.[1]);
  if (!trigger || !Number.isFinite(issuedAt)) return 'invalid_trigger_id';
  if (used.has(trigger)) return 'exchanged_trigger_id';
  if (now - issuedAt > ttlMs) return 'expired_trigger_id';
  return undefined;
}
