import type { SimResult } from './sim-result.js';
import type { SimState } from './sim-state.js';
import type { SimRegion } from './world-schema.js';

/** What an operation sees: the locked state (it may change it), the region, the flags, the clock. */
export interface OpContext {
  state: SimState;
  region: string;
  flags: Record<string, string>;
  now: number;
}

export type OpHandler = (ctx: OpContext) => SimResult;

const EMPTY_REGION: SimRegion = {
  workspaces: [],
  images: [],
  instanceSpecs: [],
  resources: [],
  gateways: [],
  vpcs: [],
  vswitches: [],
  securityGroups: [],
  loadBalancers: [],
  services: [],
};

/** The world's data for a region; a region the world does not mention is empty. */
export function regionOf(ctx: OpContext): SimRegion {
  return ctx.state.world.regions[ctx.region] ?? EMPTY_REGION;
}

/** One page of a list, with the paging fields every list answer carries. */
export function paginate<T>(
  items: readonly T[],
  flags: Record<string, string>,
  defaultSize: number,
) {
  const pageSize = Math.max(1, Number(flags['page-size'] ?? defaultSize) || defaultSize);
  const pageNumber = Math.max(1, Number(flags['page-number'] ?? 1) || 1);
  const start = (pageNumber - 1) * pageSize;
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: items.length,
    page: items.slice(start, start + pageSize),
  };
}

/** Parses a JSON flag value such as `--labels '{"k":"v"}'`; undefined when it is not a string map. */
export function parseStringMap(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (!entries.every(([, v]) => typeof v === 'string')) return undefined;
  return Object.fromEntries(entries) as Record<string, string>;
}
