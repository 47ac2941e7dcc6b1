import type { types } from '@slack/bolt';
import { formatDuration, parseLifetime } from '../src/parse-duration.js';
import { FIELD } from './ids.js';
import { staticSelect } from './modal-inputs.js';
import { option } from './text.js';

/** The lifetimes the modal offers (CONTRACT.md "Lifetime"); any other duration is added when asked for. */
export const TTL_CHOICES = ['4h', '1d', '3d', '7d', 'never'] as const;

const LABELS: Readonly<Record<string, string>> = {
  '4h': '4 hours',
  '1d': '1 day',
  '3d': '3 days',
  '7d': '7 days',
  never: 'Never (runs until someone stops it)',
};

function labelOf(ttl: string): string {
  const lifetime = parseLifetime(ttl);
  if (LABELS[ttl]) return LABELS[ttl];
  return lifetime && !lifetime.never ? formatDuration(lifetime.ms) : ttl;
}

/**
 * The `ttl` static select: the standard lifetimes plus the default and a pre-filled one when they
 * are not among them (`ttl=20s`), so a select can show any duration. Starts at the pre-fill, else
 * at the default (EAS_DEFAULT_TTL).
 */
export function buildTtlInput(prefilled: string | undefined, defaultTtl: string): types.InputBlock {
  const wanted = [prefilled, defaultTtl]
    .map((t) => t?.trim().toLowerCase())
    .filter((t): t is string => t !== undefined && parseLifetime(t) !== undefined);
  const values = [...new Set([...wanted, ...TTL_CHOICES])];
  const options = values.map((v) => option(labelOf(v), v));
  const input = staticSelect(FIELD.ttl, 'How long should it live?', options, wanted[0]);
  return {
    ...input,
    hint: {
      type: 'plain_text',
      text: 'Before it expires you are asked whether to keep it; at expiry it is stopped or you are asked again.',
    },
  };
}
