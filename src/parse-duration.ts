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

/**
 * A duration as a person reads it, to the precision that matters at its size: `1d`, `1d 3h`,
 * `2h 5m`, `10m 5s`, `20s` (23h 59m 59s reads `1d`).
 */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const join = (big: number, bigUnit: string, small: number, smallUnit: string) =>
    small > 0 ? `${big}${bigUnit} ${small}${smallUnit}` : `${big}${bigUnit}`;
  if (seconds >= 86_400 - 1_800) {
    const hours = Math.round(seconds / 3_600);
    return join(Math.floor(hours / 24), 'd', hours % 24, 'h');
  }
  if (seconds >= 3_600 - 30) {
    const minutes = Math.round(seconds / 60);
    return join(Math.floor(minutes / 60), 'h', minutes % 60, 'm');
  }
  if (seconds >= 60) return join(Math.floor(seconds / 60), 'm', seconds % 60, 's');
  return `${seconds}s`;
}
