import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoWorld } from '../../sim/aliyun/demo-world.js';
import { findSimExecutable, prepareSimEnv } from '../../sim/aliyun/sim-env.js';
import { createExecaCliRunner } from '../../src/aliyun/cli-runner.js';
import * as lifecycle from '../../src/aliyun/lifecycle-commands.js';
import { botLabelFilter, buildServiceLabels } from '../../src/lifecycle/bot-labels.js';

const T = { region: 'cn-hangzhou', userAgent: lifecycle.buildLifecycleUserAgent('l-argv1') };
const NAME = 'qwen_chat_prod';
const LABELS = buildServiceLabels({
  deploymentId: 'd-argv1',
  owner: 'U0OWNER',
  channel: 'C0CHANNEL',
  expiresAt: '2026-12-03T01:00:00Z',
});

/**
 * One argv per builder of src/aliyun/lifecycle-commands.ts, in an order the demo world answers
 * (the delete last). A builder added without a sample fails the completeness test.
 */
const SAMPLES: [string, () => string[]][] = [
  ['stopServiceArgs', () => lifecycle.stopServiceArgs(T, NAME)],
  ['startServiceArgs', () => lifecycle.startServiceArgs(T, NAME)],
  ['restartServiceArgs', () => lifecycle.restartServiceArgs(T, NAME)],
  ['scaleServiceArgs', () => lifecycle.scaleServiceArgs(T, NAME, 2)],
  ['listServiceVersionsArgs', () => lifecycle.listServiceVersionsArgs(T, NAME, 1)],
  ['updateServiceVersionArgs', () => lifecycle.updateServiceVersionArgs(T, NAME, 1)],
  ['updateServiceLabelArgs', () => lifecycle.updateServiceLabelArgs(T, NAME, LABELS)],
  [
    'listLabelledServicesArgs',
    () => lifecycle.listLabelledServicesArgs(T, botLabelFilter('U0OWNER'), 1),
  ],
  ['deleteServiceArgs', () => lifecycle.deleteServiceArgs(T, NAME)],
];

let dir: string;
let run: ReturnType<typeof createExecaCliRunner>['run'];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifecycle-argv-'));
  const world = {
    ...buildDemoWorld(),
    lifecycle: { creatingMs: 0, waitingMs: 0, transitionMs: 0 },
  };
  const env = { PATH: process.env.PATH ?? '', ...(await prepareSimEnv({ dir, world })) };
  run = createExecaCliRunner({ executable: findSimExecutable(), env }).run;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('every lifecycle argv, against the simulator in real-CLI mode', () => {
  it('has a sample for every argv builder', () => {
    const builders = Object.entries(lifecycle)
      .filter(([name, value]) => typeof value === 'function' && name.endsWith('Args'))
      .map(([name]) => name);
    expect(builders.sort()).toEqual(SAMPLES.map(([name]) => name).sort());
  });

  it('runs each one with exit 0, in order, and finds the service by the labels it wrote', async () => {
    for (const [name, build] of SAMPLES) {
      const result = await run(build());
      expect({ name, exit: result.exitCode, stderr: result.stderr }).toEqual({
        name,
        exit: 0,
        stderr: '',
      });
      if (name === 'listLabelledServicesArgs') {
        expect(JSON.parse(result.stdout).Services).toEqual([
          expect.objectContaining({ ServiceName: NAME }),
        ]);
      }
    }
  });
});
