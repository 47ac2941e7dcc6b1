/** A lifetime as a person writes it: `<n>s`, `<n>m`, `<n>h`, `<n>d`, or `never` (CONTRACT.md, "Lifetime"). */
export type Lifetime = { readonly never: true } | { readonly never: false; readonly ms: number };

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** The longest lifetime the bot accepts (a year): longer is a typo, not a plan. */
export const MAX_LIFETIME_MS = 366 * 86_400_000;

export const DURATION_PATTERN = /^(\d{1,6})([smhd])$/;

/** Reads `20s`, `4h`, `1d`, `never`; undefined for anything else (zero and over a year included). */
export function parseLifetime(text: string): Lifetime | undefined {
  const word = text.trim().toLowerCase();
  if (word === 'never') return { never: true };
  const match = DURATION_PATTERN.exec(word);
  if (!match) return undefined;
  const ms = Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
  return ms > 0 && ms <= MAX_LIFETIME_MS ? { never: false, ms } : undefined;
}

/** Reads a duration that may not be `never` (extend, EAS_REMIND_BEFORE). */
export function parseDurationMs(text: string): number | undefined {
  const lifetime = parseLifetime(text);
  return lifetime && !lifetime.never ? lifetime.ms : undefined;
}

/** A duration in the largest whole unit that keeps it short: `90m` → `1h 30m`, `172800s` → `2d`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const parts: string[] = [];
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const rest = seconds % 60;
  if (days > 0) parts.push(`${days}d`);
  if (hours > 0) parts.push(`${hours}h`);
  if (minutes > 0 && days === 0) parts.push(`${minutes}m`);
  if (rest > 0 && days === 0 && hours === 0) parts.push(`${rest}s`);
  return parts.length > 0 ? parts.slice(0, 2).join(' ') : '0s';
}
