import { readInstanceType } from '../aliyun/lifecycle-schemas.js';
import { formatDuration } from '../parse-duration.js';
import type { ExpiresAt } from './expiry.js';
import type { BotService } from './list-bot-services.js';
import { describeCost, hourlyCost, type PriceTable } from './price-table.js';
import { isRunningLike } from './service-status.js';

/** One service as a line of `list`, App Home or a reminder shows it: data, not Block Kit. */
export interface ServiceLine {
  readonly name: string;
  readonly region: string;
  readonly status: string;
  readonly owner: string;
  /** "expires 2026-05-02 10:00 UTC (in 23h)", "expired 5m ago", "never expires", "expiry unknown". */
  readonly expiry: string;
  /** "about USD 1.20/h, USD 28.80 until expiry" when the price table prices it and it runs. */
  readonly cost?: string;
  /** Per hour while it runs (0 when stopped); undefined when the table cannot price it. */
  readonly hourly?: number;
  readonly running: boolean;
}

/** `2026-05-02 10:00 UTC` */
export const formatUtc = (at: number): string =>
  `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** How an expiry reads next to a service. */
export function describeExpiry(expiresAt: ExpiresAt | undefined, now: number): string {
  if (!expiresAt) return 'expiry unknown';
  if (expiresAt.never) return 'never expires';
  const left = expiresAt.at - now;
  return left > 0
    ? `expires ${formatUtc(expiresAt.at)} (in ${formatDuration(left)})`
    : `expired ${formatDuration(-left)} ago`;
}

/** The line of one service the bot made, with its cost when a price table is set. */
export function describeServiceLine(
  item: BotService,
  table: PriceTable | undefined,
  now: number,
): ServiceLine {
  const { service, labels } = item;
  const running = isRunningLike(service.Status);
  const instanceType = readInstanceType(service);
  const replicas = service.TotalInstance ?? 1;
  const hourly = running ? hourlyCost(table, instanceType, replicas) : table ? 0 : undefined;
  const cost = running
    ? describeCost(table, {
        ...(instanceType ? { instanceType } : {}),
        replicas,
        ...(labels.expiresAt ? { expiresAt: labels.expiresAt } : {}),
        now,
      })
    : undefined;
  return {
    name: service.ServiceName,
    region: item.region,
    status: service.Status,
    owner: labels.owner,
    expiry: describeExpiry(labels.expiresAt, now),
    running,
    ...(cost ? { cost } : {}),
    ...(hourly !== undefined ? { hourly } : {}),
  };
}

/** What the running services cost per hour in all; undefined when none could be priced. */
export function totalHourly(lines: readonly ServiceLine[]): number | undefined {
  const priced = lines.filter((l) => l.hourly !== undefined);
  return priced.length === 0 ? undefined : priced.reduce((sum, l) => sum + (l.hourly ?? 0), 0);
}
