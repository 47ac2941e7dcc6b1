import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSim, HZ } from './support/run-sim.js';

type Sim = Awaited<ReturnType<typeof createSim>>;
let sim: Sim;
beforeAll(async () => {
  sim = await createSim();
});
afterAll(() => sim.cleanup());

describe('aliyun-sim argument parsing', () => {
  it('accepts flags in any order, --flag=value and unknown global flags', async () => {
    const { code, json } = await sim.run([
      '--user-agent',
      'eas-deploy/0.1.0 (deployment d1)',
      'eas',
      '--read-timeout',
      '60',
      'list-services',
      '--connect-timeout=10',
      '--service-name=qwen_chat_prod',
      '--quiet',
      '--region=cn-hangzhou',
      '--profile',
      'default',
    ]);
    expect(code).toBe(0);
    expect(json.TotalCount).toBe(1);
  });

  it('exits 2 with ERROR for an unknown operation or a missing required flag', async () => {
    const unknown = await sim.run(['eas', 'create-services', ...HZ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ERROR: /);
    const missing = await sim.run(['eas', 'describe-service', ...HZ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--service-name');
  });
});
