import { z } from 'zod';
import { parseLifetime } from './parse-duration.js';

/** The shapes the config's variables are written in: lists, durations, lifetimes. */

/** A comma-separated list whose items each match `pattern`; empty or unset means "none". */
export const commaList = (pattern: RegExp, message: string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0),
    )
    .pipe(z.array(z.string().regex(pattern, message)));

/** Slack user or channel ids; empty or unset means "no restriction". */
export const SlackIdList = commaList(
  /^[A-Z0-9]{2,}$/,
  'must be Slack ids like U0123ABCD, comma-separated',
);
/** Slack user group ids (S…); empty or unset means "no restriction". */
export const UsergroupIdList = commaList(
  /^S[A-Z0-9]+$/,
  'must be user group ids like S0123ABCD, comma-separated',
);
/** Instance-type prefixes such as `ecs.gn8,ml.gu8`. */
export const InstanceFamilyList = commaList(
  /^[a-z0-9][a-z0-9.-]{1,63}$/,
  'must be instance-type prefixes like ecs.gn8,ml.gu8',
);

export const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

/** A whole number that may be unset or empty (compose passes unset variables as ""). */
export const optionalInt = (min: number, max: number) =>
  optionalText.pipe(z.coerce.number<string | undefined>().int().min(min).max(max).optional());

/** A lifetime (`<n>s|m|h|d` or `never`), kept as written; unset or empty means `fallback`. */
export const lifetimeOr = (fallback: string) =>
  optionalText
    .transform((s) => s ?? fallback)
    .refine((s) => parseLifetime(s) !== undefined, 'must be a duration like 4h, 1d, 20s, or never');

/** A duration written `<n>ms`, `<n>s`, `<n>m`, `<n>h` or `<n>d`, in milliseconds. */
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
export const Duration = z
  .string()
  .trim()
  .regex(/^\d{1,7}(ms|s|m|h|d)$/, 'must be a duration such as 90s, 30m or 2h')
  .transform((text) => {
    const unit = /(ms|s|m|h|d)$/.exec(text)?.[1] as keyof typeof UNIT_MS;
    return Number.parseInt(text, 10) * UNIT_MS[unit];
  });
