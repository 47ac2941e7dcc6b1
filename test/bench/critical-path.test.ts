import { describe, expect, it } from 'vitest';
import { weighCallChains } from '../../bench/critical-path.js';

const span = (start: number, end: number, op: string) => ({ start, end, op, tag: 'd-1' });

describe('critical path from the CLI call log', () => {
  it('weighs a shared-gateway deployment run in three rounds', () => {
    const chains = weighCallChains([
      span(0, 1500, 'aiworkspace list-workspaces'),
      span(5, 1600, 'eas list-services'),
      span(10, 1550, 'aiworkspace list-images'),
      span(1700, 3300, 'eas create-service'),
      span(3400, 4900, 'eas describe-service'),
      span(3410, 5000, 'eas describe-service-endpoints'),
    ]);
    expect(chains.criticalPathMs).toBe(1595 + 1600 + 1590);
    expect(chains.serialMs).toBe(1500 + 1595 + 1540 + 1600 + 1500 + 1590);
    expect(chains).toMatchObject({ calls: 6, neededRounds: 3, observedRounds: 3 });
  });

  it('counts a wait nothing needed as a round run, not as critical path', () => {
    const chains = weighCallChains([
      span(0, 1000, 'eas list-services'),
      span(1100, 2100, 'eas create-service'),
      span(2200, 3200, 'eas describe-service'),
      span(3300, 4300, 'eas describe-service-endpoints'),
    ]);
    expect(chains.observedRounds).toBe(4);
    expect(chains.neededRounds).toBe(3);
    expect(chains.criticalPathMs).toBe(3000);
  });

  it('makes the gateway lookups wait for list-gateway, and a page for the page before it', () => {
    const chains = weighCallChains([
      span(0, 1000, 'eas list-gateway'),
      span(0, 1000, 'aiworkspace list-images'),
      span(1000, 2000, 'aiworkspace list-images'),
      span(1100, 2100, 'eas describe-gateway'),
      span(1100, 2200, 'eas list-gateway-intranet-linked-vpc'),
      span(2300, 3300, 'eas create-service'),
    ]);
    expect(chains.neededRounds).toBe(3);
    expect(chains.criticalPathMs).toBe(1000 + 1100 + 1000);
  });
});
