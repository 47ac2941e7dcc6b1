import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCliError } from '../../src/aliyun/cli-error.js';
import { describeCliError } from '../../src/aliyun/explain-cli-error.js';
import { CORPUS, corpusText } from '../support/cli-corpus.js';

describe('the error reader against the corpus of real CLI error texts', () => {
  it.each(CORPUS.map((e) => [e.file, e] as const))('classifies %s', (_file, entry) => {
    // The runner strips colour before anything reads the text.
    const stderr = stripVTControlCharacters(corpusText(entry.file));
    const error = parseCliError({
      args: entry.argv,
      exitCode: entry.exit,
      stdout: '',
      stderr,
      timedOut: false,
      durationMs: 1,
    });
    expect(error).toMatchObject(entry.expect);
    expect(describeCliError(error)).toContain(entry.says);
  });

  it('keeps no secret in the message a person reads', () => {
    const stderr =
      'ERROR: SDK.ServerError\nErrorCode: Forbidden.RAM\nMessage: denied for LTAI5tAbCdEfGhIjKlMn\n';
    const error = parseCliError({
      args: ['vpc', 'DescribeVpcs'],
      exitCode: 1,
      stdout: '',
      stderr,
      timedOut: false,
      durationMs: 1,
    });
    expect(describeCliError(error)).not.toContain('LTAI5tAbCdEfGhIjKlMn');
    expect(error.message).not.toContain('LTAI5tAbCdEfGhIjKlMn');
  });

  it('tells a missing executable from a call that did not answer in time', () => {
    const base = { args: ['eas', 'list-services'], stdout: '', stderr: '', durationMs: 1 };
    expect(
      parseCliError({ ...base, exitCode: undefined, timedOut: false, spawnError: 'ENOENT' }),
    ).toMatchObject({ kind: 'spawn' });
    expect(parseCliError({ ...base, exitCode: undefined, timedOut: true })).toMatchObject({
      kind: 'network',
    });
  });
});
