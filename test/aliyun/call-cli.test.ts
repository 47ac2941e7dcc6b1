import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callCli } from '../../src/aliyun/call-cli.js';
import { createScriptedCli, failWith, textFixture } from '../support/scripted-cli.js';

const Answer = z.object({ Services: z.array(z.unknown()) }).loose();
const ARGS = ['eas', 'list-services', '--region', 'cn-hangzhou'];
const OK = { stdout: { Services: [], Extra: 1 } };

describe('callCli', () => {
  it('parses the JSON answer with its schema, tolerating extra fields', async () => {
    const cli = createScriptedCli([{ prefix: ['eas'], replies: [OK] }]);
    expect(await callCli({ cli }, ARGS, Answer)).toEqual({
      ok: true,
      data: { Services: [], Extra: 1 },
    });
  });

  it('retries a timed-out call once with --read-timeout 60', async () => {
    const cli = createScriptedCli([{ prefix: ['eas'], replies: [{ timedOut: true }, OK] }]);
    const answer = await callCli({ cli }, ARGS, Answer);
    expect(answer.ok).toBe(true);
    expect(cli.calls).toEqual([ARGS, [...ARGS, '--read-timeout', '60']]);
  });

  it('does not retry a timeout when the caller reconciles instead', async () => {
    const cli = createScriptedCli([{ prefix: ['eas'], replies: [{ timedOut: true }, OK] }]);
    const answer = await callCli({ cli }, ARGS, Answer, { retryOnTimeout: false });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(cli.calls).toHaveLength(1);
  });

  it('installs a missing plugin and retries once', async () => {
    const cli = createScriptedCli([
      { prefix: ['plugin'], replies: [{ stdout: 'installed' }] },
      { prefix: ['eas'], replies: [failWith(textFixture('any.plugin-missing.txt'), 4), OK] },
    ]);
    expect((await callCli({ cli }, ARGS, Answer)).ok).toBe(true);
    expect(cli.calls).toEqual([
      ARGS,
      ['plugin', 'install', '--names', 'aliyun-cli-eas', '--force'],
      ARGS,
    ]);
  });

  it('treats non-JSON output as a broken plugin and installs it', async () => {
    const cli = createScriptedCli([
      { prefix: ['plugin'], replies: [{ stdout: 'installed' }] },
      { prefix: ['aiworkspace'], replies: [{ stdout: 'parse error' }, OK] },
    ]);
    const args = ['aiworkspace', 'list-images', '--region', 'cn-hangzhou'];
    expect((await callCli({ cli }, args, Answer)).ok).toBe(true);
    expect(cli.calls[1]).toEqual([
      'plugin',
      'install',
      '--names',
      'aliyun-cli-aiworkspace',
      '--force',
    ]);
  });

  it('backs off exponentially when throttled, then gives up', async () => {
    const waits: number[] = [];
    const throttled = failWith(textFixture('any.throttled.txt'));
    const cli = createScriptedCli([{ prefix: ['eas'], replies: [throttled] }]);
    const answer = await callCli({ cli, sleep: async (ms) => void waits.push(ms) }, ARGS, Answer);
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'throttled', code: 'Throttling.User' },
    });
    expect(waits).toEqual([500, 1000, 2000]);
    expect(cli.calls).toHaveLength(4);
  });

  it('reports an answer of the wrong shape as bad output', async () => {
    const cli = createScriptedCli([{ prefix: ['eas'], replies: [{ stdout: { Nope: 1 } }] }]);
    expect(await callCli({ cli }, ARGS, Answer)).toMatchObject({
      ok: false,
      error: { kind: 'bad-output' },
    });
  });
});
