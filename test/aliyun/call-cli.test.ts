import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callCli } from '../../src/aliyun/call-cli.js';
import { corpusText } from '../support/cli-corpus.js';
import { createScriptedCli, failWith } from '../support/scripted-cli.js';

const Answer = z.object({ Services: z.array(z.unknown()) }).loose();
const ARGS = ['eas', 'list-services', '--region', 'cn-hangzhou'];
const OK = { stdout: { Services: [], Extra: 1 } };

function recordWaits() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('callCli', () => {
  it('parses the JSON answer with its schema, tolerating extra fields', async () => {
    const cli = createScriptedCli([{ prefix: ['eas'], replies: [OK] }]);
    expect(await callCli({ cli }, ARGS, Answer)).toEqual({
      ok: true,
      data: { Services: [], Extra: 1 },
    });
  });

  it('tries a read again after a Go network error, with the same argv, after a pause', async () => {
    const { waits, sleep } = recordWaits();
    const reset = failWith(corpusText('network.connection-reset.txt'));
    const cli = createScriptedCli([{ prefix: ['eas'], replies: [reset, OK] }]);
    expect((await callCli({ cli, sleep }, ARGS, Answer)).ok).toBe(true);
    expect(cli.calls).toEqual([ARGS, ARGS]);
    expect(waits).toEqual([500]);
  });

  it('never repeats a call that is not idempotent: the caller reconciles instead', async () => {
    const cli = createScriptedCli([{ prefix: ['eas'], replies: [{ timedOut: true }, OK] }]);
    const answer = await callCli({ cli }, ARGS, Answer, { idempotent: false });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(cli.calls).toHaveLength(1);
  });

  it('never installs a plugin itself: a missing plugin is an answer', async () => {
    const missing = failWith(corpusText('plugin-missing.non-interactive.txt'));
    const cli = createScriptedCli([{ prefix: ['eas'], replies: [missing, OK] }]);
    const answer = await callCli({ cli }, ARGS, Answer);
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'plugin-missing', plugin: 'aliyun-cli-vpc' },
    });
    expect(cli.calls).toEqual([ARGS]);
  });

  it('backs off exponentially when throttled, then gives up', async () => {
    const { waits, sleep } = recordWaits();
    const throttled = failWith(corpusText('plugin.throttled.txt'));
    const cli = createScriptedCli([{ prefix: ['eas'], replies: [throttled] }]);
    const answer = await callCli({ cli, sleep }, ARGS, Answer);
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'throttled', code: 'Throttling.User' },
    });
    expect(waits).toEqual([500, 1000, 2000]);
    expect(cli.calls).toHaveLength(4);
  });

  it('does not retry a refusal that will not change (a missing RAM permission)', async () => {
    const denied = failWith(corpusText('builtin.forbidden-ram.txt'));
    const cli = createScriptedCli([{ prefix: ['eas'], replies: [denied, OK] }]);
    expect((await callCli({ cli }, ARGS, Answer)).ok).toBe(false);
    expect(cli.calls).toHaveLength(1);
  });

  it('reports an answer of the wrong shape, or text that is not JSON, as bad output', async () => {
    const cli = createScriptedCli([
      { prefix: ['eas'], replies: [{ stdout: { Nope: 1 } }, { stdout: 'panic: nil pointer' }] },
    ]);
    expect(await callCli({ cli }, ARGS, Answer)).toMatchObject({ error: { kind: 'bad-output' } });
    expect(await callCli({ cli }, ARGS, Answer)).toMatchObject({
      error: { kind: 'bad-output', message: expect.stringContaining('panic: nil pointer') },
    });
  });
});
