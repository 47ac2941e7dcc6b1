import type { Lifetime } from '../parse-duration.js';

/** The `eas-deploy.expires-at` label value: ISO-8601 UTC to the second, or `never`. */
export type ExpiresAt = { readonly never: true } | { readonly never: false; readonly at: number };

export const NEVER = 'never';

/** The label value for an instant: `2026-05-02T10:00:00Z`. */
export function formatExpiresAt(at: number): string {
  return new Date(Math.floor(at / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The label value a service deployed at `submittedAt` with this lifetime carries. */
export function expiresAtLabel(submittedAt: number, lifetime: Lifetime): string {
  return lifetime.never ? NEVER : formatExpiresAt(submittedAt + lifetime.ms);
}

/** Reads a label value; undefined when it is neither `never` nor an ISO-8601 UTC instant. */
export function readExpiresAt(value: string | undefined): ExpiresAt | undefined {
  if (value === undefined) return undefined;
  if (value.trim().toLowerCase() === NEVER) return { never: true };
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/.test(value.trim())) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : { never: false, at };
}

/** The new expiry when a service is kept or extended: from the later of now and the old expiry. */
export function extendExpiry(current: ExpiresAt | undefined, byMs: number, now: number): number {
  const from = current && !current.never ? Math.max(current.at, now) : now;
  return from + byMs;
}
