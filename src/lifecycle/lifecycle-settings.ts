import type { Config } from '../config.js';
import { type Lifetime, parseLifetime } from '../parse-duration.js';
import type { PriceTable } from './price-table.js';

/** The lifecycle's configuration, read once (config.ts has validated every value). */
export interface LifecycleSettings {
  /** EAS_ADMIN_USERS. */
  readonly admins: readonly string[];
  /** EAS_DEFAULT_TTL as written (`1d`), and as a lifetime. */
  readonly defaultTtl: string;
  readonly defaultLifetime: Lifetime;
  readonly remindBeforeMs: number;
  readonly ttlAction: 'stop' | 'remind';
  readonly priceTable?: PriceTable;
  /** The regions the bot deploys to: where its services are looked for. */
  readonly regions: readonly string[];
}

/** What Keep and Extend add when the lifetime is unknown or `never`. */
export const FALLBACK_TTL = '1d';

/** Builds the settings from the validated configuration. */
export function buildLifecycleSettings(
  config: Pick<
    Config,
    'EAS_ADMIN_USERS' | 'EAS_DEFAULT_TTL' | 'EAS_REMIND_BEFORE' | 'EAS_TTL_ACTION'
  >,
  regions: readonly string[],
  priceTable?: PriceTable,
): LifecycleSettings {
  return {
    admins: config.EAS_ADMIN_USERS,
    defaultTtl: config.EAS_DEFAULT_TTL,
    defaultLifetime: parseLifetime(config.EAS_DEFAULT_TTL) ?? { never: false, ms: 86_400_000 },
    remindBeforeMs: config.EAS_REMIND_BEFORE,
    ttlAction: config.EAS_TTL_ACTION,
    regions,
    ...(priceTable ? { priceTable } : {}),
  };
}

/** The lifetime a service was given, or the default; Keep/Extend use a finite one. */
export function keepDuration(ttl: string | undefined, settings: LifecycleSettings): string {
  return keepDurationOf(ttl ?? settings.defaultTtl);
}

/** A lifetime Keep and Extend can add: the one given when finite, else a day. */
export function keepDurationOf(ttl: string | undefined): string {
  const lifetime = ttl ? parseLifetime(ttl) : undefined;
  return ttl && lifetime && !lifetime.never ? ttl : FALLBACK_TTL;
}
