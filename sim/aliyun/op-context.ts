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

/** Page flags of a call: kebab-case for plugin calls, PascalCase for built-in ones. */
export interface PageFlags {
  readonly number: string;
  readonly size: string;
}

export const PLUGIN_PAGE: PageFlags = { number: 'page-number', size: 'page-size' };
export const RPC_PAGE: PageFlags = { number: 'PageNumber', size: 'PageSize' };

/** One page of a list, with the paging fields every list answer carries. */
export function paginate<T>(
  items: readonly T[],
  flags: Record<string, string>,
  defaultSize: number,
  names: PageFlags = PLUGIN_PAGE,
) {
  const pageSize = Math.max(1, Number(flags[names.size] ?? defaultSize) || defaultSize);
  const pageNumber = Math.max(1, Number(flags[names.number] ?? 1) || 1);
  const start = (pageNumber - 1) * pageSize;
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: items.length,
    page: items.slice(start, start + pageSize),
  };
}

/**
 * Parses the plugin form of a label flag, `key=value[,key=value]` (the meta's unifiedCli example
 * `--labels key=value`); undefined for anything else, the legacy JSON form included.
 */
export function parseLabelPairs(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return {};
  const labels: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || pair.trim().startsWith('{')) return undefined;
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return labels;
}
