import { describe, expect, it } from 'vitest';
import { describeCliError, parseCliError } from '../../src/aliyun/cli-error.js';
import type { CliResult } from '../../src/aliyun/cli-runner.js';
import { textFixture } from '../support/scripted-cli.js';

const failed = (overrides: Partial<CliResult>): CliResult => ({
  args: [],
  exitCode: 1,
  stdout: '',
  stderr: '',
  timedOut: false,
  durationMs: 1,
  ...overrides,
});

describe('parseCliError', () => {
  it("reads StatusCode, Code and Message of the plugin's SDKError text", () => {
    const error = parseCliError(
      failed({ stderr: textFixture('create-service.already-exists.txt') }),
    );
    expect(error).toEqual({
      kind: 'server',
      statusCode: 409,
      code: 'ServiceAlreadyExists',
      message: 'code: 409, service "qwen_demo" already exists request id: 7A0E-1',
    });
    expect(describeCliError(error)).toBe(
      '409 ServiceAlreadyExists: code: 409, service "qwen_demo" already exists request id: 7A0E-1',
    );
  });

  it('recognises a timeout by the flag or by the context-deadline text', () => {
    expect(parseCliError(failed({ timedOut: true, exitCode: undefined })).kind).toBe('timeout');
    expect(parseCliError(failed({ stderr: textFixture('create-service.timeout.txt') })).kind).toBe(
      'timeout',
    );
  });

  it('recognises a missing plugin by exit code 4 or its message', () => {
    expect(parseCliError(failed({ exitCode: 4, stderr: 'parse error' })).kind).toBe(
      'plugin-missing',
    );
    expect(parseCliError(failed({ stderr: textFixture('any.plugin-missing.txt') })).kind).toBe(
      'plugin-missing',
    );
  });

  it('recognises throttling', () => {
    expect(parseCliError(failed({ stderr: textFixture('any.throttled.txt') }))).toMatchObject({
      kind: 'throttled',
      code: 'Throttling.User',
      statusCode: 429,
    });
  });

  it('tells usage errors and a missing executable apart', () => {
    expect(parseCliError(failed({ exitCode: 2, stderr: 'ERROR: invalid flag --x' }))).toEqual({
      kind: 'usage',
      message: 'invalid flag --x',
    });
    expect(parseCliError(failed({ exitCode: undefined, spawnError: 'ENOENT' })).kind).toBe('spawn');
  });

  it('redacts secrets in the message', () => {
    const error = parseCliError(failed({ stderr: textFixture('any.forbidden.txt') }));
    expect(error.message).not.toContain('LTAI5tAbCdEfGhIjKlMn');
    expect(error.code).toBe('Forbidden.RAM');
  });
});
