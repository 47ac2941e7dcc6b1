import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRODUCT_NODE_OPTIONS } from '../../bench/node-flags.js';

describe('the V8 flags the product starts with', () => {
  it('are the same in the image, the npm start scripts and the benchmark', () => {
    const entrypoint = readFileSync('docker/entrypoint.sh', 'utf8');
    expect(entrypoint).toContain(`exec node ${PRODUCT_NODE_OPTIONS} dist/src/main.js "$role"`);
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const [name, role] of [
      ['start', 'all'],
      ['start:bot', 'bot'],
      ['start:worker', 'worker'],
    ] as const) {
      expect(scripts[name]).toContain(`node ${PRODUCT_NODE_OPTIONS} dist/src/main.js ${role}`);
    }
  });
});
