import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDemoWorld } from '../../sim/aliyun/demo-world.js';
import { findSimExecutable, prepareSimEnv } from '../../sim/aliyun/sim-env.js';
import type { SimWorldInput } from '../../sim/aliyun/world-schema.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/**
 * Runs docker/check-plugins.sh (the Dockerfile's build check) with the simulator as `aliyun` on
 * PATH, in a world whose plugins are as given.
 */
async function checkPlugins(plugins: SimWorldInput['plugins']) {
  const dir = await mkdtemp(join(tmpdir(), 'check-plugins-'));
  dirs.push(dir);
  const simEnv = await prepareSimEnv({ dir, world: { ...buildDemoWorld(), plugins } });
  await writeFile(join(dir, 'aliyun'), `#!/bin/sh\nexec "${findSimExecutable()}" "$@"\n`);
  await chmod(join(dir, 'aliyun'), 0o755);
  const args = ['eas=aliyun-cli-eas', 'aiworkspace=aliyun-cli-aiworkspace'];
  return spawnSync('docker/check-plugins.sh', args, {
    env: { ...simEnv, PATH: `${dir}:${process.env.PATH ?? ''}` },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

const EAS = { name: 'aliyun-cli-eas', version: '0.2.0' };
const AIW = { name: 'aliyun-cli-aiworkspace', version: '0.1.3' };

describe('docker/check-plugins.sh, the build step that proves the plugins run', () => {
  it('passes when each plugin answers its product help itself', async () => {
    const run = await checkPlugins([EAS, AIW]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^ok: aliyun-cli-eas runs as .+\nok: aliyun-cli-aiworkspace runs as .+\n$/,
    );
  });

  it('fails the build when plugin list names a plugin whose binary is gone, saying how to install it', async () => {
    const run = await checkPlugins([{ ...EAS, binaryMissing: true }, AIW]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the aliyun CLI plugin aliyun-cli-eas does not run as');
    expect(run.stderr).toContain('plugin binary not found');
    expect(run.stderr).toContain('aliyun plugin install --names aliyun-cli-eas');
    expect(run.stdout).toContain('ok: aliyun-cli-aiworkspace');
  });

  it('fails the build when a plugin is not installed at all', async () => {
    const run = await checkPlugins([EAS, { ...AIW, installed: false }]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('aliyun plugin install --names aliyun-cli-aiworkspace');
  });
});
