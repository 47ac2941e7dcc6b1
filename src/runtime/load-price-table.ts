import { readFileSync } from 'node:fs';
import { ConfigError } from '../config.js';
import { type PriceTable, parsePriceTable } from '../lifecycle/price-table.js';

/** Reads EAS_PRICE_TABLE at start-up; a missing or malformed file stops start-up with one line. */
export function loadPriceTable(path: string | undefined): PriceTable | undefined {
  if (!path) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new ConfigError(`EAS_PRICE_TABLE is invalid: ${path} cannot be read (${code})`);
  }
  const parsed = parsePriceTable(text);
  if (!parsed.ok) throw new ConfigError(`EAS_PRICE_TABLE is invalid: ${path} ${parsed.message}`);
  return parsed.table;
}
