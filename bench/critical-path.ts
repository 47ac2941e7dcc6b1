import type { CliSpan } from './timed-cli.js';

/**
 * The calls whose answer a call needs (the latest earlier call of each). create-service needs every
 * read before it (the gates); a page needs the page before it (same operation); the rest need nothing.
 */
const NEEDS: Readonly<Record<string, readonly string[]>> = {
  'eas describe-service': ['eas create-service'],
  'eas describe-service-endpoints': ['eas create-service'],
  'eas describe-gateway': ['eas list-gateway'],
  'eas list-gateway-intranet-linked-vpc': ['eas list-gateway'],
  'vpc DescribeVSwitches': ['vpc DescribeVpcs', 'nlb ListLoadBalancers'],
  'ecs DescribeSecurityGroups': [
    'vpc DescribeVpcs',
    'nlb ListLoadBalancers',
    'eas list-gateway-intranet-linked-vpc',
  ],
};

/** One deployment's calls, weighed three ways (ms are the calls' measured durations). */
export interface CallChains {
  readonly calls: number;
  /** The longest chain of calls that had to wait for one another's answers (NEEDS): the goal. */
  readonly criticalPathMs: number;
  /** The same calls one after another, as the seed ran them. */
  readonly serialMs: number;
  /** Calls on the longest chain of data dependencies: the fewest serial rounds the data allow. */
  readonly neededRounds: number;
  /** Calls on the longest chain where each started after the previous one ended: rounds as run. */
  readonly observedRounds: number;
}

const duration = (s: CliSpan) => s.end - s.start;

/** The calls a span waited for by need: indexes of earlier spans (spans sorted by start). */
function needsOf(spans: readonly CliSpan[], i: number): number[] {
  const span = spans[i];
  if (!span) return [];
  const earlier = spans.slice(0, i).map((s, j) => ({ s, j }));
  if (span.op === 'eas create-service') return earlier.map((e) => e.j);
  const wanted = [span.op, ...(NEEDS[span.op] ?? [])];
  return wanted
    .map((op) => earlier.filter((e) => e.s.op === op && e.s.end <= span.start).at(-1)?.j)
    .filter((j): j is number => j !== undefined);
}

/** Weighs one deployment's CLI spans (any order). */
export function weighCallChains(input: readonly CliSpan[]): CallChains {
  const spans = [...input].sort((a, b) => a.start - b.start);
  const pathMs: number[] = [];
  const needRounds: number[] = [];
  const runRounds: number[] = [];
  spans.forEach((span, i) => {
    const needs = needsOf(spans, i);
    pathMs.push(duration(span) + Math.max(0, ...needs.map((j) => pathMs[j] ?? 0)));
    needRounds.push(1 + Math.max(0, ...needs.map((j) => needRounds[j] ?? 0)));
    const before = spans.slice(0, i).flatMap((s, j) => (s.end <= span.start ? [j] : []));
    runRounds.push(1 + Math.max(0, ...before.map((j) => runRounds[j] ?? 0)));
  });
  return {
    calls: spans.length,
    criticalPathMs: Math.max(0, ...pathMs),
    serialMs: spans.reduce((sum, s) => sum + duration(s), 0),
    neededRounds: Math.max(0, ...needRounds),
    observedRounds: Math.max(0, ...runRounds),
  };
}
