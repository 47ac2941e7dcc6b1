import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRODUCT_NODE_OPTIONS } from '../../bench/node-flags.js';

describe('the V8 flags the product starts with', () => {
  it('are the same for the Slack-facing roles in the image, the npm scripts and the benchmark', () => {
    const entrypoint = readFileSync('docker/entrypoint.sh', 'utf8');
    expect(entrypoint).toContain(`exec node ${PRODUCT_NODE_OPTIONS} dist/src/main.js "$role"`);
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.start).toContain(`node ${PRODUCT_NODE_OPTIONS} dist/src/main.js all`);
    expect(scripts['start:bot']).toContain(`node ${PRODUCT_NODE_OPTIONS} dist/src/main.js bot`);
    // A worker allocates little per second; the flag would only raise its resident memory.
    expect(scripts['start:worker']).toContain('node dist/src/main.js worker');
  });
});
