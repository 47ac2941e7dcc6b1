import { describe, expect, it } from 'vitest';
import { runPreflight } from '../../src/aliyun/preflight.js';
import { corpusText } from '../support/cli-corpus.js';
import { createScriptedCli, failWith, textFixture } from '../support/scripted-cli.js';

/** What `aliyun <product> --help` prints when the installed plugin answers it. */
const answeredBy = (product: string, plugin: string) => ({
  stdout: `Usage:\n  aliyun ${product} [command]\n\nNote: The help information for product '${product}' is provided by the installed plugin '${plugin}'.\n`,
});

describe('runPreflight', () => {
  it('passes when the CLI runs and each plugin answers its product help itself', async () => {
    const cli = createScriptedCli([
      { prefix: ['plugin', 'list'], replies: [{ stdout: textFixture('plugin-list.both.txt') }] },
      { prefix: ['eas', '--help'], replies: [answeredBy('eas', 'aliyun-cli-eas')] },
      {
        prefix: ['aiworkspace', '--help'],
        replies: [answeredBy('aiworkspace', 'aliyun-cli-aiworkspace')],
      },
    ]);
    expect(await runPreflight(cli)).toEqual({ ok: true, problems: [] });
    expect(cli.calls).toEqual([
      ['plugin', 'list'],
      ['eas', '--help'],
      ['aiworkspace', '--help'],
    ]);
  });

  it('catches a plugin that plugin list names but whose binary is gone, and says how to install it', async () => {
    const cli = createScriptedCli([
      { prefix: ['plugin', 'list'], replies: [{ stdout: textFixture('plugin-list.both.txt') }] },
      {
        prefix: ['eas', '--help'],
        replies: [failWith(corpusText('plugin-missing.binary-not-found.txt'))],
      },
      {
        prefix: ['aiworkspace', '--help'],
        replies: [answeredBy('aiworkspace', 'aliyun-cli-aiworkspace')],
      },
    ]);
    const answer = await runPreflight(cli);
    expect(answer.ok).toBe(false);
    expect(answer.problems).toEqual([
      expect.stringMatching(
        /^The CLI plugin aliyun-cli-eas does not run \(.*plugin binary not found.*\)\. Install it as the user the worker runs as: aliyun plugin install --names aliyun-cli-eas$/,
      ),
    ]);
    expect(cli.callsOf('plugin', 'install')).toEqual([]);
  });

  it('names a plugin that is not installed (the host answers the help itself)', async () => {
    const cli = createScriptedCli([
      {
        prefix: ['plugin', 'list'],
        replies: [{ stdout: textFixture('plugin-list.eas-only.txt') }],
      },
      { prefix: ['eas', '--help'], replies: [answeredBy('eas', 'aliyun-cli-eas')] },
      {
        prefix: ['aiworkspace', '--help'],
        replies: [{ stdout: 'Usage:\n  aliyun aiworkspace <ApiName> …\n' }],
      },
    ]);
    expect((await runPreflight(cli)).problems).toEqual([
      'The CLI plugin aliyun-cli-aiworkspace is not installed. Install it as the user the worker runs as: aliyun plugin install --names aliyun-cli-aiworkspace',
    ]);
  });

  it('reports a CLI that does not run', async () => {
    const broken = createScriptedCli([
      { prefix: ['plugin'], replies: [failWith('ERROR: no config', 3)] },
    ]);
    expect(await runPreflight(broken)).toEqual({
      ok: false,
      problems: ['The aliyun CLI does not run: ERROR: no config'],
    });
  });
});
