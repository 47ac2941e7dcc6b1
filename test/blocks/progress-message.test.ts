import { describe, expect, it } from 'vitest';
import { buildProgressMessage } from '../../blocks/progress-message.js';

const base = { serviceName: 'qwen_demo', region: 'cn-hangzhou', requesterId: 'U1', now: 0 };

describe('the parent message headline', () => {
  it('says a deployment deploys and a dry run checks, while they run', () => {
    expect(buildProgressMessage({ ...base, steps: [] }).text).toBe(
      'Deploying `qwen_demo` to cn-hangzhou…',
    );
    expect(buildProgressMessage({ ...base, steps: [], dryRun: true }).text).toBe(
      'Checking `qwen_demo` for cn-hangzhou (dry run: nothing will be created)…',
    );
  });

  it('says how a dry run ended without calling it a deployment', () => {
    const end = (outcome: 'dry-run' | 'failed') =>
      buildProgressMessage({ ...base, steps: [], dryRun: true, outcome }).text;
    expect(end('dry-run')).toBe(
      '✓ Dry run passed for `qwen_demo` in cn-hangzhou; nothing was created',
    );
    expect(end('failed')).toBe('✗ Checking `qwen_demo` for cn-hangzhou failed');
  });
});
