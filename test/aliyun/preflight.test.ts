import { describe, expect, it } from 'vitest';
import { runPreflight } from '../../src/aliyun/preflight.js';
import { createScriptedCli, failWith, textFixture } from '../support/scripted-cli.js';

describe('runPreflight', () => {
  it('passes when the CLI runs and both plugins are installed', async () => {
    const cli = createScriptedCli([
      { prefix: ['plugin', 'list'], replies: [{ stdout: textFixture('plugin-list.both.txt') }] },
    ]);
    expect(await runPreflight(cli)).toEqual({ ok: true, problems: [] });
    expect(cli.calls).toEqual([['plugin', 'list']]);
  });

  it('installs a missing plugin', async () => {
    const cli = createScriptedCli([
      {
        prefix: ['plugin', 'list'],
        replies: [{ stdout: textFixture('plugin-list.eas-only.txt') }],
      },
      { prefix: ['plugin', 'install'], replies: [{ stdout: 'ok' }] },
    ]);
    expect(await runPreflight(cli)).toEqual({ ok: true, problems: [] });
    expect(cli.calls[1]).toEqual([
      'plugin',
      'install',
      '--names',
      'aliyun-cli-aiworkspace',
      '--force',
    ]);
  });

  it('reports a plugin that cannot be installed and a CLI that does not run', async () => {
    const cli = createScriptedCli([
      {
        prefix: ['plugin', 'list'],
        replies: [{ stdout: textFixture('plugin-list.eas-only.txt') }],
      },
      { prefix: ['plugin', 'install'], replies: [failWith('ERROR: network unreachable')] },
    ]);
    expect(await runPreflight(cli)).toEqual({
      ok: false,
      problems: ['The CLI plugin aliyun-cli-aiworkspace is missing and could not be installed.'],
    });
    const broken = createScriptedCli([
      { prefix: ['plugin'], replies: [failWith('ERROR: no config', 3)] },
    ]);
    expect(await runPreflight(broken)).toEqual({
      ok: false,
      problems: ['The aliyun CLI does not run: ERROR: no config'],
    });
  });
});
