import type { types } from '@slack/bolt';
import { fitsOptionValue, option } from './text.js';

/** An image the region offers (from list-images). */
export interface ImageChoice {
  readonly uri: string;
  readonly label: string;
  readonly command?: string;
}

/** An instance type the region offers (from describe-machine-spec). */
export interface InstanceChoice {
  readonly instanceType: string;
  readonly gpuModel?: string;
  readonly gpuCount: number;
  readonly gpuMemoryGb?: number;
  readonly cpu: number;
  readonly memoryGb: number;
  /** e.g. WithStock, ClosedWithStock, WithoutStock */
  readonly stock: string;
}

const MAX_OPTIONS = 100;
const matches = (query: string, ...texts: string[]): boolean =>
  texts.some((t) => t.toLowerCase().includes(query.trim().toLowerCase()));

/**
 * Image options for a search; a URI typed in the box is offered too, so custom images work. An
 * image whose URI is longer than an option's value may be (150) is left out, never cut into a
 * different URI: the person can still type it.
 */
export function buildImageOptions(
  images: readonly ImageChoice[],
  query: string,
): types.PlainTextOption[] {
  const found = images.filter((i) => fitsOptionValue(i.uri) && matches(query, i.label, i.uri));
  const options = found.map((i) => option(i.label, i.uri));
  const typed = query.trim();
  const looksLikeUri = /^[a-zA-Z0-9._/:@-]{2,}$/.test(typed) && /[/:]/.test(typed);
  if (looksLikeUri && fitsOptionValue(typed) && !found.some((i) => i.uri === typed)) {
    options.unshift(option(`Custom image: ${typed}`, typed));
  }
  return options.slice(0, MAX_OPTIONS);
}

/**
 * One line per instance type: GPU model, count, memory and stock, within 75 characters; with a
 * price table the hourly price takes the place of vCPU and memory.
 */
export function describeInstance(i: InstanceChoice, price?: string): string {
  const stock =
    i.stock === 'WithStock' ? 'in stock' : i.stock === 'WithoutStock' ? 'no stock' : i.stock;
  const gpu =
    i.gpuCount > 0
      ? `${i.gpuCount}× ${i.gpuModel ?? 'GPU'}${i.gpuMemoryGb ? ` ${i.gpuMemoryGb} GB` : ''}`
      : 'CPU only';
  const size = price ?? `${i.cpu} vCPU ${i.memoryGb} GB`;
  return `${i.instanceType} · ${gpu} · ${size} · ${stock}`;
}

/** Instance options for a search: GPU types first, then CPU types, each kept in its source order. */
export function buildInstanceOptions(
  specs: readonly InstanceChoice[],
  query: string,
  priceOf: (instanceType: string) => string | undefined = () => undefined,
): types.PlainTextOption[] {
  const found = specs.filter(
    (s) => fitsOptionValue(s.instanceType) && matches(query, s.instanceType, s.gpuModel ?? ''),
  );
  const gpuFirst = [
    ...found.filter((s) => s.gpuCount > 0),
    ...found.filter((s) => s.gpuCount === 0),
  ];
  return gpuFirst
    .slice(0, MAX_OPTIONS)
    .map((s) => option(describeInstance(s, priceOf(s.instanceType)), s.instanceType));
}
