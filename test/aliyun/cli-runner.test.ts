import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CallerTag,
  type CliResult,
  createExecaCliRunner,
} from '../../src/aliyun/cli-runner.js';
import { readCliEnvironment } from '../../src/process-env.js';

/** A stand-in CLI that reports what its process sees, and prints a red ERROR as the real host does. */
const PROBE = `#!/usr/bin/env node
const fs = require('node:fs');
process.stdout.write(JSON.stringify({
  noColor: process.env.NO_COLOR,
  charDevice: fs.fstatSync(0).isCharacterDevice(),
  autoInstall: process.env.ALIBABA_CLOUD_CLI_PLUGIN_AUTO_INSTALL,
  slack: process.env.SLACK_BOT_TOKEN ?? null,
}));
process.stderr.write('\\u001b[1;31mERROR: red\\n\\u001b[0m');
process.exit(1);
`;

let dir: string;
let probe: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-'));
  probe = join(dir, 'aliyun-probe.cjs');
  await writeFile(probe, PROBE);
  await chmod(probe, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the CLI runner', () => {
  it('gives the child a stdin that is no character device, NO_COLOR=1, and strips colour anyway', async () => {
    const env = readCliEnvironment({ PATH: process.env.PATH, SLACK_BOT_TOKEN: 'xoxb-1-2-3' });
    const result = await createExecaCliRunner({ executable: probe, env }).run(['eas', 'x']);
    expect(JSON.parse(result.stdout)).toEqual({
      noColor: '1',
      charDevice: false,
      autoInstall: 'false',
      slack: null,
    });
    expect(result.stderr).toBe('ERROR: red\n');
    expect(result.exitCode).toBe(1);
  });

  it('lets the CLI install plugins by itself only when the config says so', async () => {
    const env = readCliEnvironment(
      { PATH: process.env.PATH, ALIBABA_CLOUD_CLI_PLUGIN_AUTO_INSTALL: 'true' },
      { EAS_CLI_PLUGIN_AUTO_INSTALL: false },
    );
    const off = await createExecaCliRunner({ executable: probe, env }).run([]);
    expect(JSON.parse(off.stdout).autoInstall).toBe('false');
    const onEnv = readCliEnvironment(
      { PATH: process.env.PATH },
      { EAS_CLI_PLUGIN_AUTO_INSTALL: true },
    );
    const on = await createExecaCliRunner({ executable: probe, env: onEnv }).run([]);
    expect(JSON.parse(on.stdout).autoInstall).toBe('true');
  });

  it('reports every call, with who it was for, to its onCall hook', async () => {
    const seen: Array<{ result: CliResult; caller: CallerTag | undefined }> = [];
    const runner = createExecaCliRunner({
      executable: probe,
      env: { PATH: process.env.PATH ?? '' },
      onCall: (result, caller) => {
        seen.push({ result, caller });
      },
    });
    await runner.run(['eas', 'describe-service'], { caller: { purpose: 'status', userId: 'U1' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      result: { args: ['eas', 'describe-service'], exitCode: 1 },
      caller: { purpose: 'status', userId: 'U1' },
    });
  });
});
