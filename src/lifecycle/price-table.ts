import { z } from 'zod';
import type { ExpiresAt } from './expiry.js';

/**
 * EAS_PRICE_TABLE: the operator's hourly prices per instance type. DescribeMachineSpec has no price
 * field (aliyun-cli-facts.md, fact 14), so every cost figure comes from this table.
 */
export const PriceTable = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be a code such as USD'),
  hourly: z.record(z.string().min(1), z.number().nonnegative().finite()),
});
export type PriceTable = z.infer<typeof PriceTable>;

/** Parses the file's text; the error names what is wrong, for the start-up line. */
export function parsePriceTable(
  text: string,
): { ok: true; table: PriceTable } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'is not JSON' };
  }
  const parsed = PriceTable.safeParse(json);
  if (parsed.success) return { ok: true, table: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    message: `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`,
  };
}

/** Price per hour of `replicas` instances of a type; undefined when the table does not list it. */
export function hourlyCost(
  table: PriceTable | undefined,
  instanceType: string | undefined,
  replicas: number,
): number | undefined {
  const price = table && instanceType ? table.hourly[instanceType] : undefined;
  return price === undefined ? undefined : price * Math.max(0, replicas);
}

/** An amount as a person reads it: `USD 1.20`, `USD 0.004` for sub-cent figures. */
export function formatMoney(amount: number, currency: string): string {
  const digits = amount !== 0 && Math.abs(amount) < 0.01 ? 4 : 2;
  return `${currency} ${amount.toFixed(digits)}`;
}

/** "about USD 1.20/h, USD 28.80 until expiry" — or undefined when the table cannot price it. */
export function describeCost(
  table: PriceTable | undefined,
  input: { instanceType?: string; replicas: number; expiresAt?: ExpiresAt; now: number },
): string | undefined {
  const hourly = hourlyCost(table, input.instanceType, input.replicas);
  if (hourly === undefined || !table) return undefined;
  const perHour = `about ${formatMoney(hourly, table.currency)}/h`;
  if (!input.expiresAt) return perHour;
  if (input.expiresAt.never) return `${perHour}, with no end (it never expires)`;
  const hours = Math.max(0, input.expiresAt.at - input.now) / 3_600_000;
  return `${perHour}, ${formatMoney(hourly * hours, table.currency)} until expiry`;
}
