import { describe, expect, it } from 'vitest';
import { createUpdateCoalescer } from '../../../src/report/update-coalescer.js';

describe('coalescing checklist edits', () => {
  it('runs the first update at once, keeps only the latest of a burst, and runs it on flush', async () => {
    const ran: string[] = [];
    let clock = 0;
    const coalescer = createUpdateCoalescer<string>(
      async (key, value) => void ran.push(`${key}:${value}`),
      {
        intervalMs: 1000,
        now: () => clock,
      },
    );
    coalescer.push('d1', 'a');
    coalescer.push('d1', 'b');
    coalescer.push('d1', 'c');
    coalescer.push('d2', 'x');
    clock = 10;
    await coalescer.flush('d1');
    await coalescer.flush('d2');
    expect(ran).toEqual(['d1:a', 'd2:x', 'd1:c']);
  });

  it('reports a failed edit to onError instead of throwing at the caller', async () => {
    const errors: unknown[] = [];
    const coalescer = createUpdateCoalescer<string>(
      async () => {
        throw new Error('ratelimited');
      },
      { intervalMs: 1000, onError: (e) => errors.push(e) },
    );
    coalescer.push('d1', 'a');
    await coalescer.flush('d1');
    expect(errors).toHaveLength(1);
    coalescer.clear();
  });
});
